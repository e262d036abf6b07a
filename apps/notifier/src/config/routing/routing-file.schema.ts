import { z } from 'zod';

const rate = z.number().positive().max(1000);

const emailAddresses = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((address) => address.trim()))
  .pipe(z.array(z.string().email()).min(1));

const emailDestination = z
  .object({ channel: z.literal('email'), to: emailAddresses, ratePerSecond: rate.optional() })
  .strict();

// Slack allows about one message per second per incoming webhook.
const slackDestination = z
  .object({ channel: z.literal('slack'), webhookUrl: z.string().url(), ratePerSecond: rate.default(1) })
  .strict();

export const destinationSchema = z.discriminatedUnion('channel', [emailDestination, slackDestination]);

const regex = z.string().refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

const routeSchema = z
  .object({
    match: z.record(z.string(), z.string()).default({}),
    matchRe: z.record(z.string(), regex).default({}),
    destinations: z.array(z.string().min(1)).min(1),
    continue: z.boolean().default(false),
  })
  .strict();

export const DESTINATION_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

// The file's shape before destinations are checked one by one (they may be disabled instead).
export const routingFileSchema = z
  .object({
    maxAlertsPerMessage: z.number().int().min(1).max(50).default(5),
    destinations: z.record(
      z.string().regex(DESTINATION_ID, 'destination ids are lower-case kebab or snake case'),
      z.unknown(),
    ),
    routes: z.array(routeSchema).default([]),
    default: z.array(z.string().min(1)).default([]),
  })
  .strict();
