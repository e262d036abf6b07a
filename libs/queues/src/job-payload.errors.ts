import type { ZodError } from 'zod';

// The stable code in logs and failed-job reasons when a payload does not match its job's schema.
export const INVALID_PAYLOAD_CODE = 'JOB.INVALID_PAYLOAD';

export class InvalidJobPayloadError extends Error {
  readonly code = INVALID_PAYLOAD_CODE;

  constructor(
    readonly jobName: string,
    readonly issues: ZodError['issues'],
  ) {
    super(`${INVALID_PAYLOAD_CODE}: ${jobName}: ${describeIssues(issues)}`);
    this.name = InvalidJobPayloadError.name;
  }
}

// `path: message` per issue, e.g. "severity: Invalid enum value...; endsAt: a resolved alert needs endsAt".
export function describeIssues(issues: ZodError['issues']): string {
  return issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}
