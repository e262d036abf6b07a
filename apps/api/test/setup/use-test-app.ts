import { Role } from '@qbm/http';
import { bearer, startTestApp, TestApp } from './test-app';

export interface UseTestAppOptions {
  // A function is called when the app starts, so it can name what an earlier beforeAll set up (a private Redis).
  env?: Record<string, string> | (() => Record<string, string>);
  // When to empty the tables and the cache: before every test (the default), once after start, or never.
  truncate?: 'each' | 'once' | 'never';
}

// Registers the hooks that start the real app for the enclosing describe, truncate, and close it afterwards.
// The returned app is a view read when a test runs, so it can be declared before the app exists.
export function useTestApp(options: UseTestAppOptions = {}): TestApp {
  const { env = {}, truncate = 'each' } = options;
  let started: TestApp | undefined;
  const current = (): TestApp => {
    if (!started) throw new Error('useTestApp: the app was read before its beforeAll started it');
    return started;
  };

  beforeAll(async () => {
    started = await startTestApp(typeof env === 'function' ? env() : env);
    if (truncate === 'once') await started.truncate();
  });
  afterAll(async () => {
    await started?.close();
    started = undefined;
  });
  if (truncate === 'each') beforeEach(() => current().truncate());

  return {
    get app() {
      return current().app;
    },
    get config() {
      return current().config;
    },
    get dataSource() {
      return current().dataSource;
    },
    get redis() {
      return current().redis;
    },
    token: (org, role, sub) => current().token(org, role, sub),
    truncate: () => current().truncate(),
    close: () => current().close(),
  };
}

// Authorization headers for one caller, minted afresh before every test (after useTestApp's hooks have run).
export function useBearer(t: TestApp, org: string, role?: Role, sub?: string): { authorization: string } {
  const headers = { authorization: '' };
  beforeEach(() => {
    headers.authorization = bearer(t.token(org, role, sub)).authorization;
  });
  return headers;
}
