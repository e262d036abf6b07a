import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@qbm/config';
import { NotifierConfig } from './notifier.config';

const secret = 'x'.repeat(32);

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('NotifierConfig', () => {
  it('applies the documented defaults and reads the shipped routing file', () => {
    const config = NotifierConfig.fromEnvironment({
      JWT_SECRET: secret,
      SLACK_WEBHOOK_URL: 'https://hooks.example.test/x',
    });
    expect(config.port).toBe(3002);
    expect(config.delivery).toMatchObject({ concurrency: 10, dedupeTtlSeconds: 14_400, sendTimeoutMs: 10_000 });
    expect(config.smtp).toBeUndefined();
    expect([...(config.routing?.destinations.keys() ?? [])]).toEqual(['ops-slack']);
    expect(config.routing?.disabled.map((d) => d.id)).toEqual(['oncall-email']);
  });

  it('reads SMTP from one URL or from its parts', () => {
    const fromUrl = NotifierConfig.fromEnvironment(
      { SMTP_URL: 'smtps://alerts%40qbm:p%40ss@mail.example.test' },
      '1',
      'cli',
    );
    expect(fromUrl.smtp).toEqual({
      host: 'mail.example.test',
      port: 465,
      secure: true,
      auth: { user: 'alerts@qbm', pass: 'p@ss' },
      from: 'QBM Alerts <alerts@qbm.local>',
    });
    const fromParts = NotifierConfig.fromEnvironment({ SMTP_HOST: 'mail', SMTP_USER: 'u', SMTP_PASS: 'p' }, '1', 'cli');
    expect(fromParts.smtp).toMatchObject({ host: 'mail', port: 587, secure: false, auth: { user: 'u', pass: 'p' } });
  });

  it('reports every bad variable at once, and production needs the webhook token and a destination', () => {
    const problems = problemsOf(() =>
      NotifierConfig.fromEnvironment({
        NODE_ENV: 'production',
        JWT_SECRET: secret,
        METRICS_TOKEN: 'm'.repeat(16),
        NOTIFIER_PORT: 'loud',
        SMTP_URL: 'http://mail',
      }),
    );
    expect(problems.map((p) => p.split(':')[0])).toEqual(['NOTIFIER_PORT', 'SMTP_URL', 'NOTIFIER_WEBHOOK_TOKEN']);
    const none = problemsOf(() =>
      NotifierConfig.fromEnvironment({
        NODE_ENV: 'production',
        JWT_SECRET: secret,
        METRICS_TOKEN: 'm'.repeat(16),
        NOTIFIER_WEBHOOK_TOKEN: 'w'.repeat(16),
      }),
    );
    expect(none).toEqual([
      'NOTIFIER_ROUTING_FILE: no destination is enabled (oncall-email: ALERT_EMAIL_TO not set; ops-slack: SLACK_WEBHOOK_URL not set)',
    ]);
  });

  it('names an unreadable routing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qbm-config-'));
    writeFileSync(join(dir, 'bad.yaml'), 'destinations: [');
    expect(
      problemsOf(() =>
        NotifierConfig.fromEnvironment({ JWT_SECRET: secret, NOTIFIER_ROUTING_FILE: join(dir, 'bad.yaml') }),
      )[0],
    ).toMatch(/^NOTIFIER_ROUTING_FILE: .*bad\.yaml is not YAML or JSON/);
    expect(
      problemsOf(() =>
        NotifierConfig.fromEnvironment({ JWT_SECRET: secret, NOTIFIER_ROUTING_FILE: join(dir, 'none.yaml') }),
      )[0],
    ).toMatch(/^NOTIFIER_ROUTING_FILE: cannot read/);
  });
});
