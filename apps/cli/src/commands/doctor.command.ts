import { parseArgs } from 'node:util';
import { QUEUE_NAMES } from '@qbm/contracts';
import { CliUsageError } from '../cli-usage.error';
import { CliConfig } from '../config/cli.config';
import { exitCodeFor } from '../doctor/doctor-report';
import { runDoctor } from '../doctor/run-doctor';
import { renderTextReport } from '../doctor/text-report.renderer';

export const DOCTOR_USAGE = 'qbm doctor [--json] [--timeout <ms>] [--queue <name>]...';

const KNOWN_QUEUES: readonly string[] = Object.values(QUEUE_NAMES);

const DEFAULT_TIMEOUT_MS = 3_000;

export interface DoctorIo {
  isTty: boolean;
  write: (text: string) => void;
}

// Prints the report; 0 when nothing failed (warnings included), 1 when a section failed or was unreachable.
export async function doctorCommand(config: CliConfig, argv: string[], io: DoctorIo): Promise<0 | 1> {
  const options = parseOptions(argv);
  const report = await runDoctor({
    databaseUrl: config.database.url,
    redisUrl: config.redisUrl,
    slowStatementMs: config.database.slowQueryMs,
    queues: [...new Set([...KNOWN_QUEUES, ...options.queues])],
    services: config.services,
    // The ops token every service accepts for /health/detailed, as Prometheus does for /metrics.
    opsToken: config.opsToken,
    gatewayUrl: config.gatewayUrl,
    timeoutMs: options.timeoutMs,
  });
  const color = io.isTty && !config.noColor;
  io.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderTextReport(report, { color }));
  return exitCodeFor(report);
}

function parseOptions(argv: string[]): { json: boolean; timeoutMs: number; queues: string[] } {
  let values: { json?: boolean; timeout?: string; queue?: string[] };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, timeout: { type: 'string' }, queue: { type: 'string', multiple: true } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliUsageError(DOCTOR_USAGE, [error instanceof Error ? error.message : String(error)]);
  }
  const problems: string[] = [];
  const timeoutMs = values.timeout === undefined ? DEFAULT_TIMEOUT_MS : Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 60_000)
    problems.push('--timeout must be whole milliseconds between 100 and 60000');
  const queues = values.queue ?? [];
  for (const queue of queues) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(queue))
      problems.push(`--queue ${queue}: a queue name is letters, digits, '.', '_' and '-'`);
  }
  if (problems.length > 0) throw new CliUsageError(DOCTOR_USAGE, problems);
  return { json: values.json === true, timeoutMs, queues };
}
