import { z } from 'zod';
import { portNumber } from '../port-number';

export type TrustProxy = boolean | number | string[];

function parseTrustProxy(value: string): TrustProxy {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((part) => part.trim());
}

// Which X-Forwarded-For hops to believe for the client address: false, true, a hop count, or the
// gateway's addresses/CIDRs (comma-separated).
const trustProxy = z
  .string()
  .regex(
    /^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(,\s*[0-9a-fA-F.:/]+)*)$/,
    'must be true, false, a hop count or addresses/CIDRs',
  )
  .default('false')
  .transform(parseTrustProxy);

const host = z.string().min(1).default('0.0.0.0');

export type HttpBlock<P extends string> = { [K in `${P}_HOST`]: typeof host } & {
  [K in `${P}_PORT`]: z.ZodDefault<typeof portNumber>;
} & { TRUST_PROXY: typeof trustProxy };

// Each service names its own listen address (API_PORT, NOTIFIER_PORT...), so one .env can hold them all.
export function httpBlock<P extends string>(prefix: P, defaultPort: number): HttpBlock<P> {
  return {
    [`${prefix}_HOST`]: host,
    [`${prefix}_PORT`]: portNumber.default(defaultPort),
    TRUST_PROXY: trustProxy,
  } as HttpBlock<P>;
}
