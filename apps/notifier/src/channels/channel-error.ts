// How a channel failed to hand over a message, which decides what happens next:
// transient: retried with backoff; permanent: dead-lettered at once (retrying cannot help);
// rate_limited: the destination asked to wait `retryAfterMs`, which is not an attempt used up.
export type DeliveryFailureKind = 'transient' | 'permanent' | 'rate_limited';

export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryFailureKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
