import type { Principal } from './principal';

interface VerifiedToken {
  readonly principal: Principal;
  // Epoch milliseconds from which the token is expired; Infinity when it carries no `exp`.
  readonly expiresAt: number;
}

// Tokens that passed full verification, so a client's next requests skip the HMAC or RSA check.
// Keyed by the whole token (signature included): only the exact bytes that were verified hit. An
// entry is dropped once its `exp` passes, so an expired token is verified again and refused with
// its code. Bounded: the oldest entry goes first (a Map keeps insertion order).
export class VerifiedTokenCache {
  private readonly entries = new Map<string, VerifiedToken>();

  constructor(private readonly capacity = 1024) {}

  get(token: string, now = Date.now()): Principal | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    // jsonwebtoken's rule: expired once the current whole second reaches `exp`.
    if (now >= entry.expiresAt) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.principal;
  }

  set(token: string, principal: Principal, exp: unknown): void {
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { principal, expiresAt: typeof exp === 'number' ? exp * 1000 : Infinity });
  }

  get size(): number {
    return this.entries.size;
  }
}
