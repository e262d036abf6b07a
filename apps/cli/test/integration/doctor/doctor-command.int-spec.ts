import { ConfigError } from '@qbm/config';
import { QUEUE_NAMES } from '@qbm/contracts';
import { testDatabaseUrl, testRedisUrl } from '@qbm/testing';
import { CliUsageError } from '../../../src/cli-usage.error';
import { doctorCommand } from '../../../src/commands/doctor.command';
import { CliConfig } from '../../../src/config/cli.config';
import { DoctorReport, SECTION_NAMES } from '../../../src/doctor/doctor-report';
import { sectionOf, tableOf } from '../support/doctor-test-settings';
import { closedPort } from '../support/network-stand-ins';
import { OpsService, startOpsService } from '../support/ops-service';

// `pnpm qbm doctor` as main.ts runs it: arguments, environment (through CliConfig), output and exit code.
describe('qbm doctor: the command', () => {
  let service: OpsService;

  beforeAll(async () => {
    service = await startOpsService();
  });
  afterAll(() => service.close());

  async function doctor(argv: string[], options: { env?: NodeJS.ProcessEnv; isTty?: boolean } = {}) {
    let output = '';
    const config = CliConfig.fromEnvironment({
      DATABASE_URL: testDatabaseUrl('cli'),
      REDIS_URL: testRedisUrl(),
      QBM_API_URL: service.url,
      ...options.env,
    });
    const code = await doctorCommand(config, argv, {
      isTty: options.isTty ?? false,
      write: (text) => (output += text),
    });
    return { code, output };
  }

  it('prints the report as JSON with every section and real figures', async () => {
    const { output } = await doctor(['--json', '--queue', 'doctor-command-check']);
    const report = JSON.parse(output) as DoctorReport;
    // The gateway is reported only when QBM_GATEWAY_URL names it.
    expect(report.sections.map((section) => section.name)).toEqual(SECTION_NAMES.filter((name) => name !== 'gateway'));
    expect(Date.parse(report.generated_at)).not.toBeNaN();
    expect(sectionOf(report, 'postgres').figures.connections_in_database).toBeGreaterThan(0);
    expect(sectionOf(report, 'redis').figures.redis_version).toMatch(/^\d+\.\d+\.\d+/);
    // The queues named in @qbm/contracts, then the one asked for.
    const depths = tableOf(sectionOf(report, 'queues'), 'depths');
    expect(depths.map((row) => row.queue)).toEqual([...Object.values(QUEUE_NAMES), 'doctor-command-check']);
    expect(depths.at(-1)).toMatchObject({ queue: 'doctor-command-check', wait: 0 });
    // No METRICS_TOKEN here, so /health/detailed is open, as in development.
    expect(tableOf(sectionOf(report, 'services'), 'services')[0]).toMatchObject({
      service: 'api',
      url: service.url,
      state: 'ready',
      detailed: 'healthy',
    });
    expect(sectionOf(report, 'system').figures.cpu_count).toBeGreaterThan(0);
  });

  it('exits 1, without throwing, when Redis is unreachable', async () => {
    const { code, output } = await doctor(['--json'], {
      env: { REDIS_URL: `redis://127.0.0.1:${await closedPort()}/0` },
    });
    const redis = sectionOf(JSON.parse(output) as DoctorReport, 'redis');
    expect(redis.status).toBe('fail');
    expect(redis.reason).toMatch(/^unreachable: connect ECONNREFUSED/);
    expect(code).toBe(1);
  });

  it('prints aligned plain text off a terminal', async () => {
    const { output } = await doctor([]);
    const lines = output.split('\n');
    expect(lines[0]).toMatch(/^QBM doctor {2}\S+ {2}\(\d+ ms\) {2}overall: (OK|WARN|FAIL)$/);
    for (const title of ['Postgres', 'Redis   ', 'Queues  ', 'Services', 'System  ']) {
      expect(lines.some((line) => new RegExp(`^(OK|WARN|FAIL) +${title}  \\S`).test(line))).toBe(true);
    }
    expect(output).toContain('      redis version ');
    expect(output).not.toContain('\u001b[');
  });

  it('colours the statuses on a terminal unless NO_COLOR is set', async () => {
    expect((await doctor([], { isTty: true })).output).toContain('\u001b[0m');
    expect((await doctor([], { isTty: true, env: { NO_COLOR: '1' } })).output).not.toContain('\u001b[');
  });

  it('refuses bad arguments and bad service URLs as usage errors (exit 2 in main)', async () => {
    await expect(doctor(['--verbose'])).rejects.toThrow(CliUsageError);
    await expect(doctor(['--timeout', 'soon'])).rejects.toThrow(/--timeout must be whole milliseconds/);
    await expect(doctor(['--queue', 'no spaces'])).rejects.toThrow(/--queue no spaces/);
    expect(() => CliConfig.fromEnvironment({ QBM_INFERENCE_URL: 'inference:3001' })).toThrow(ConfigError);
  });
});
