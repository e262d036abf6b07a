import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// tools/ops-checks/{src,dist}: the repository is two directories above the package.
export const ROOT = join(__dirname, '../../..');

export function readText(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

// Repository-relative paths of the files in `dir` ending in `suffix`, sorted.
export function filesIn(dir: string, suffix: string): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((file) => file.endsWith(suffix))
    .sort()
    .map((file) => join(dir, file));
}

export function fromRoot(path: string): string {
  return relative(ROOT, path);
}
