import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestRouting {
  slackUrl: string;
  // Slack messages per second per webhook (the shipped default is 1; tests go faster).
  slackRatePerSecond?: number;
  // Email for critical groups too (default); false routes everything to Slack only.
  email?: boolean;
}

// A routing file like the shipped one: critical to Slack and email, the rest to Slack.
export function writeRoutingFile(routing: TestRouting): string {
  const path = join(mkdtempSync(join(tmpdir(), 'qbm-notifier-routing-')), 'routing.yaml');
  const critical = routing.email === false ? '[ops-slack]' : '[ops-slack, oncall-email]';
  writeFileSync(
    path,
    `maxAlertsPerMessage: 3
destinations:
  oncall-email:
    channel: email
    to: \${ALERT_EMAIL_TO}
  ops-slack:
    channel: slack
    webhookUrl: ${routing.slackUrl}
    ratePerSecond: ${routing.slackRatePerSecond ?? 50}
routes:
  - match: { severity: critical }
    destinations: ${critical}
default: [ops-slack]
`,
  );
  return path;
}
