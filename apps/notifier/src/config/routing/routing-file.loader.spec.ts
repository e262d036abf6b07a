import { ConfigError } from '@qbm/config';
import { parseRouting } from './routing-file.loader';

const env = { HOOK: 'https://hooks.example.test/T/B/X', TO: 'a@example.test, b@example.test' };

function problemsOf(raw: unknown, smtpConfigured = true): string[] {
  try {
    parseRouting(raw, { env, smtpConfigured });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseRouting', () => {
  const file = {
    destinations: {
      mail: { channel: 'email', to: '${TO}' },
      chat: { channel: 'slack', webhookUrl: '${HOOK}' },
      pager: { channel: 'slack', webhookUrl: '${PAGER_HOOK}', ratePerSecond: 2 },
    },
    routes: [
      { match: { severity: 'critical' }, matchRe: { service: 'api|inference' }, destinations: ['pager', 'mail'] },
    ],
    default: ['chat'],
  };

  it('reads secrets from the environment, splits address lists, and paces Slack at 1/s by default', () => {
    const routing = parseRouting(file, { env, smtpConfigured: true });
    expect(routing.destinations.get('mail')).toEqual({
      id: 'mail',
      channel: 'email',
      to: ['a@example.test', 'b@example.test'],
      minIntervalMs: 0,
    });
    expect(routing.destinations.get('chat')).toEqual({
      id: 'chat',
      channel: 'slack',
      webhookUrl: env.HOOK,
      minIntervalMs: 1000,
    });
    expect(routing.disabled).toEqual([{ id: 'pager', reason: 'PAGER_HOOK not set' }]);
    expect(routing.routes[0]?.matchRe.service?.test('api')).toBe(true);
    expect(routing.routes[0]?.matchRe.service?.test('api-gateway')).toBe(false);
    expect(routing.maxAlertsPerMessage).toBe(5);
  });

  it('disables email destinations when SMTP is not configured', () => {
    const routing = parseRouting(file, { env, smtpConfigured: false });
    expect(routing.disabled.map((d) => d.id).sort()).toEqual(['mail', 'pager']);
  });

  it('names every mistake: unknown destinations, bad values, bad regular expressions, unknown keys', () => {
    const problems = problemsOf({
      destinations: { mail: { channel: 'email', to: 'not-an-address' }, chat: { channel: 'sms' } },
      routes: [{ matchRe: { service: '(' }, destinations: ['nowhere'] }],
      default: ['elsewhere'],
      colour: 'red',
    });
    expect(problems).toEqual([
      'routing: routes.0.matchRe.service: not a valid regular expression',
      "routing: (root): Unrecognized key(s) in object: 'colour'",
    ]);
    expect(
      problemsOf({
        destinations: { mail: { channel: 'email', to: 'not-an-address' }, chat: { channel: 'sms' } },
        routes: [{ destinations: ['nowhere'] }],
        default: ['elsewhere'],
      }),
    ).toEqual([
      'routing: destinations.mail: to.0: Invalid email',
      "routing: destinations.chat: channel: Invalid discriminator value. Expected 'email' | 'slack'",
      'routing: routes.0: unknown destination "nowhere"',
      'routing: default: unknown destination "elsewhere"',
    ]);
  });
});
