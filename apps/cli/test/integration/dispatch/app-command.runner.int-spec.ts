import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runAppCommand } from '../../../src/dispatch/app-command.runner';
import { APP_CLI_ENTRIES, APP_COMMANDS } from '../../../src/dispatch/app-commands';

// A stand-in app CLI: records how it was called, then exits as told.
const FAKE_APP_CLI = `
const { appendFileSync } = require('node:fs');
appendFileSync(process.env.CALLS_FILE, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd() }) + '\\n');
process.exit(Number(process.env.EXIT_WITH || 0));
`;

describe('app commands: dispatch to the app that owns them', () => {
  let root: string;
  let callsFile: string;
  const logged: string[] = [];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'qbm-cli-'));
    callsFile = join(root, 'calls.jsonl');
    writeFileSync(callsFile, '');
    logged.length = 0;
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const install = (): void => {
    const entry = join(root, APP_CLI_ENTRIES.api);
    mkdirSync(dirname(entry), { recursive: true });
    writeFileSync(entry, FAKE_APP_CLI);
  };
  const calls = (): Array<{ argv: string[]; cwd: string }> =>
    readFileSync(callsFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { argv: string[]; cwd: string });
  const run = (command: string, argv: string[], exitWith = 0, spec = APP_COMMANDS[command]) => {
    if (!spec) throw new Error(`no app command ${command}`);
    return runAppCommand(command, spec, argv, {
      root,
      env: { ...process.env, CALLS_FILE: callsFile, EXIT_WITH: String(exitWith) },
      log: (line) => logged.push(line),
    });
  };

  it('runs migrate in every app with a schema and seed through the API, which keeps them in apps/api/dist/cli/main.js', () => {
    expect(APP_CLI_ENTRIES.api).toBe('apps/api/dist/cli/main.js');
    expect(APP_COMMANDS.migrate?.apps).toEqual(['api', 'notifier', 'inference']);
    expect(APP_COMMANDS.seed?.apps).toEqual(['api']);
  });

  it('sends the model lifecycle to the inference service, whose CLI is apps/inference/dist/cli/main.js', async () => {
    expect(APP_CLI_ENTRIES.inference).toBe('apps/inference/dist/cli/main.js');
    for (const command of ['train', 'promote', 'rollback', 'models'])
      expect(APP_COMMANDS[command]?.apps).toEqual(['inference']);
    const entry = join(root, APP_CLI_ENTRIES.inference);
    mkdirSync(dirname(entry), { recursive: true });
    writeFileSync(entry, FAKE_APP_CLI);
    await expect(run('train', ['okr-achievement', '--seed', '3'])).resolves.toBe(0);
    expect(calls()).toEqual([{ argv: ['train', 'okr-achievement', '--seed', '3'], cwd: root }]);
  });

  it('runs the app entry with the command and its arguments, from the repository root', async () => {
    install();
    await expect(run('seed', ['--extra', 'x'])).resolves.toBe(0);
    expect(calls()).toEqual([{ argv: ['seed', '--extra', 'x'], cwd: root }]);
  });

  it("returns the app's exit code: a usage error stays 2", async () => {
    install();
    await expect(run('seed', ['bogus'], 2)).resolves.toBe(2);
  });

  it('runs every app in order and stops at the first that fails', async () => {
    install();
    const twice = { apps: ['api', 'api'] as const, usage: 'qbm migrate', summary: '' };
    await expect(run('migrate', [], 0, twice)).resolves.toBe(0);
    expect(calls()).toHaveLength(2);
    expect(logged).toEqual(['qbm migrate: api', 'qbm migrate: api']);
    await expect(run('migrate', [], 1, twice)).resolves.toBe(1);
    expect(calls()).toHaveLength(3);
  });

  it('fails with 1 and says what to build when the app is not built', async () => {
    await expect(run('migrate', [])).resolves.toBe(1);
    expect(logged).toEqual(['qbm: apps/api/dist/cli/main.js is missing: build @qbm/api first (pnpm build)']);
    expect(calls()).toEqual([]);
  });
});
