import { z } from 'zod';
import { EnvironmentCheck } from '../parse-environment';

export const jwtBlock = {
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_PUBLIC_KEY: z.string().min(1).optional(),
  JWT_ISSUER: z.string().min(1).default('qbm'),
  JWT_AUDIENCE: z.string().min(1).default('qbm-api'),
};

export type JwtEnvironment = z.output<z.ZodObject<typeof jwtBlock>>;

export interface JwtSettings {
  secret?: string;
  publicKey?: string;
  issuer: string;
  audience: string;
}

export function jwtSettings(env: JwtEnvironment): JwtSettings {
  return { secret: env.JWT_SECRET, publicKey: env.JWT_PUBLIC_KEY, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE };
}

// HS256 needs the shared secret; RS256 (a gateway signs) needs only the public key. One of them must be set.
export const jwtKeyRequired: EnvironmentCheck = (present) =>
  !present.JWT_SECRET && !present.JWT_PUBLIC_KEY ? 'JWT_SECRET: required (or JWT_PUBLIC_KEY for RS256)' : undefined;
