// Redis pub/sub channel on which a promotion or rollback names the model whose live version changed;
// every inference process reloads it from the registry. Polling covers a missed message.
export const PROMOTION_CHANNEL = 'qbm:inference:promotions';
