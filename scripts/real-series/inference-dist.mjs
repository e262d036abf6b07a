// The built inference package's modules (apps/inference/dist), merged into one object of exports.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../lib.mjs';

export function loadInferenceDist(paths) {
  const require = createRequire(join(ROOT, 'apps/inference/package.json'));
  return Object.assign({}, ...paths.map((path) => require(join(ROOT, 'apps/inference/dist', path))));
}
