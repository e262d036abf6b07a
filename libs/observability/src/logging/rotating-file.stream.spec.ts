import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RotatingFileStream } from './rotating-file.stream';

describe('RotatingFileStream', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qbm-rotate-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const line = (n: number): string => `${JSON.stringify({ n, pad: 'x'.repeat(80) })}\n`;

  it('rotates before a write would pass the limit and keeps only the configured backups', () => {
    const path = join(dir, 'nested', 'app.log');
    const stream = new RotatingFileStream(path, 1000, 3);
    for (let n = 0; n < 100; n++) stream.write(line(n));
    stream.end();

    expect(readdirSync(join(dir, 'nested')).sort()).toEqual(['app.log', 'app.log.1', 'app.log.2', 'app.log.3']);
    for (const file of ['app.log', 'app.log.1', 'app.log.2', 'app.log.3']) {
      expect(statSync(join(dir, 'nested', file)).size).toBeLessThanOrEqual(1000);
    }
    // Newest lines in app.log, the next-newest in app.log.1; nothing is split across files.
    const current = readFileSync(path, 'utf8').trim().split('\n');
    const previous = readFileSync(`${path}.1`, 'utf8').trim().split('\n');
    expect((JSON.parse(current.at(-1) ?? '{}') as { n: number }).n).toBe(99);
    expect((JSON.parse(previous.at(-1) ?? '{}') as { n: number }).n).toBe(
      (JSON.parse(current[0] ?? '{}') as { n: number }).n - 1,
    );
  });

  it('appends to an existing file and counts its size', () => {
    const path = join(dir, 'app.log');
    const first = new RotatingFileStream(path, 1000, 2);
    for (let n = 0; n < 8; n++) first.write(line(n));
    first.end();
    expect(existsSync(`${path}.1`)).toBe(false);

    const second = new RotatingFileStream(path, 1000, 2);
    for (let n = 8; n < 12; n++) second.write(line(n));
    second.end();
    expect(existsSync(`${path}.1`)).toBe(true);
    expect(readFileSync(`${path}.1`, 'utf8')).toContain('"n":0');
  });
});
