// `pnpm bench [section…]`: each section is a script in scripts/bench/ that reports its figures as
// ratios against a baseline measured in the same run. With no argument every section runs, in
// this order, one at a time (they share the machine's cores). Needs Postgres and Redis.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { log, ROOT } from './lib.mjs';

// One entry per script in scripts/bench/, named by its file.
const SECTIONS = ['api', 'cache-hit-ratio', 'inference', 'instrumentation', 'notifier'];

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !SECTIONS.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown section ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}\n`);
  process.exit(2);
}
for (const section of asked.length > 0 ? asked : SECTIONS) {
  log(`bench: ${section}`);
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/bench', `${section}.mjs`)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
