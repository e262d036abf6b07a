import { z } from 'zod';
import { portNumber } from '@qbm/config';

export const smtpBlock = {
  // Either one URL (smtp://user:pass@host:587, smtps://... for implicit TLS) or the parts below.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: portNumber.default(587),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  SMTP_FROM: z.string().min(3).default('QBM Alerts <alerts@qbm.local>'),
};

type SmtpEnvironment = z.output<z.ZodObject<typeof smtpBlock>>;

// A nodemailer transport's connection settings; undefined when no SMTP server is configured.
export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
  from: string;
}

// SMTP_URL wins over the parts; smtps:// (or port 465) means TLS from the first byte, otherwise
// nodemailer upgrades with STARTTLS when the server offers it.
export function smtpSettings(env: SmtpEnvironment): SmtpSettings | undefined {
  if (env.SMTP_URL) {
    const url = new URL(env.SMTP_URL);
    const secure = url.protocol === 'smtps:';
    const user = decodeURIComponent(url.username);
    return {
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      auth: user ? { user, pass: decodeURIComponent(url.password) } : undefined,
      from: env.SMTP_FROM,
    };
  }
  if (!env.SMTP_HOST) return undefined;
  return {
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE === undefined ? env.SMTP_PORT === 465 : env.SMTP_SECURE === 'true',
    auth: env.SMTP_USER && env.SMTP_PASS ? { user: env.SMTP_USER, pass: env.SMTP_PASS } : undefined,
    from: env.SMTP_FROM,
  };
}
