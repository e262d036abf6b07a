// What verifying (and, with a secret, minting) bearer tokens needs. HS256 with `secret` by default;
// RS256 against `publicKey` when a gateway signs tokens.
export interface AuthOptions {
  secret?: string;
  publicKey?: string;
  issuer: string;
  audience: string;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
