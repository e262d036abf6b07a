import { z } from 'zod';

// The variables a run uses to keep its tests apart from other runs on the same servers. Read on
// every call: naming follows the environment, the guards never trust it (they check the real target).
const schema = z.object({
  QBM_TEST_DATABASE: z
    .string()
    .regex(/^[a-z0-9_]+$/, 'must be lower-case letters, digits and underscores')
    .refine((name) => name.includes('test'), 'must contain "test"')
    .optional(),
  QBM_TEST_PG_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432'),
  // Never 0: that is where a shared server keeps everyone else's data.
  QBM_TEST_REDIS_DB: z.coerce.number().int().min(1).max(15).default(9),
  QBM_TEST_REDIS_URL: z.string().url().optional(),
});

export type TestEnvironment = z.output<typeof schema>;

export function testEnvironment(source: NodeJS.ProcessEnv = process.env): TestEnvironment {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Refusing the test environment: ${problems.join('; ')}`);
  }
  return parsed.data;
}
