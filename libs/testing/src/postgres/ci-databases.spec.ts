import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

// CI starts on a fresh machine: .ci/run must create the database of every package whose tests name one.
describe('.ci/run', () => {
  it('creates every qbm_test_<package> database the tests use', () => {
    const used = new Set<string>();
    for (const group of ['apps', 'libs', 'tools'])
      for (const pkg of readdirSync(join(ROOT, group)))
        // The harness's own unit specs name example packages; its integration specs use 'testing'.
        for (const file of sourceFiles(join(ROOT, group, pkg)).filter((f) => !f.includes('/libs/testing/src/')))
          for (const m of readFileSync(file, 'utf8').matchAll(/testDatabase(?:Name|Url)\('([a-z0-9-]+)'\)/g))
            used.add(`qbm_test_${(m[1] ?? '').replace(/-/g, '_')}`);
    const created = /for db in ([^;]+);/.exec(readFileSync(join(ROOT, '.ci/run'), 'utf8'))?.[1]?.split(/\s+/) ?? [];
    expect(used.size).toBeGreaterThanOrEqual(3);
    // tools/ count too: the suite's end-to-end package has a database of its own.
    expect(used).toContain('qbm_test_suite_e2e');
    expect([...used].filter((db) => !created.includes(db))).toEqual([]);
  });
});
