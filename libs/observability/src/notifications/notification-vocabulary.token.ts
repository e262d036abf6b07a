// The channels and severities a notifier declared when it registered the notifications capability.
export interface NotificationVocabulary {
  channels: readonly string[];
  severities: readonly string[];
}

export const NOTIFICATION_VOCABULARY = Symbol('qbm:notification-vocabulary');
