import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// The built entry as `pnpm qbm` runs it: options, output and exit codes (0 done, 1 failed, 2 usage).
const ENTRY = join(__dirname, '../../dist/main.js');
const SECRET = 'cli-e2e-secret-cli-e2e-secret-0123';

function qbm(args: string[], env: Record<string, string> = {}) {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: build @qbm/cli first`);
  const result = spawnSync(process.execPath, [ENTRY, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('qbm (the operator CLI entry)', () => {
  it('prints its usage, own and app commands alike: 0 for help, 2 for an unknown command', () => {
    const help = qbm(['help']);
    expect(help.code).toBe(0);
    for (const command of ['qbm token', 'qbm migrate', 'qbm seed', 'qbm doctor'])
      expect(help.stderr).toContain(command);
    expect(qbm(['frobnicate']).code).toBe(2);
    expect(qbm(['constructor']).code).toBe(2);
  });

  it('mints a token with JWT_SECRET, and refuses bad options or a missing key as usage errors', () => {
    const token = qbm(['token', '--org', 'demo', '--role', 'admin'], { JWT_SECRET: SECRET });
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const payload = JSON.parse(Buffer.from(token.stdout.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(payload).toMatchObject({ org: 'demo', role: 'admin', sub: 'admin@demo', iss: 'qbm', aud: 'qbm-api' });

    expect(qbm(['token', '--org', 'demo', '--role', 'admin'])).toMatchObject({ code: 2 });
    expect(qbm(['token', '--org', 'demo', '--role', 'admin']).stderr).toMatch(/JWT_SECRET: required/);
    expect(qbm(['token', '--org', 'Demo!', '--role', 'owner'], { JWT_SECRET: SECRET })).toMatchObject({ code: 2 });
    expect(qbm(['token', '--bogus'], { JWT_SECRET: SECRET }).code).toBe(2);
  });

  it('refuses bad doctor options and bad service URLs with 2', () => {
    expect(qbm(['doctor', '--verbose']).code).toBe(2);
    const badUrl = qbm(['doctor'], { QBM_INFERENCE_OPS_URL: 'inference:9464' });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/QBM_INFERENCE_OPS_URL: must be an http or https URL/);
  });
});
