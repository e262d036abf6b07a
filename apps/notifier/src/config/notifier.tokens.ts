// Injection tokens for the parts of NotifierConfig that providers take on their own.
export const ROUTING_CONFIG = Symbol('qbm:notifier:routing');
export const DELIVERY_SETTINGS = Symbol('qbm:notifier:delivery-settings');
