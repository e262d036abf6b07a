import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export const LOG_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const LOG_FILE_BACKUPS = 5;

// Size-based rotation like Python's RotatingFileHandler in the guide: app.log is renamed to
// app.log.1 (app.log.1 to app.log.2, ...) once the next line would pass maxBytes, and at most
// `backups` old files are kept. Writes are synchronous, as pino.destination's are by default,
// so nothing is lost on a crash and rotation never races a pending write.
export class RotatingFileStream {
  private fd: number;
  private size: number;

  constructor(
    readonly path: string,
    private readonly maxBytes = LOG_FILE_MAX_BYTES,
    private readonly backups = LOG_FILE_BACKUPS,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a');
    this.size = statSync(path).size;
  }

  write(chunk: string): boolean {
    const bytes = Buffer.byteLength(chunk);
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    writeSync(this.fd, chunk);
    this.size += bytes;
    return true;
  }

  end(): void {
    closeSync(this.fd);
  }

  private rotate(): void {
    closeSync(this.fd);
    for (let index = this.backups - 1; index >= 1; index--) {
      const from = `${this.path}.${index}`;
      if (existsSync(from)) renameSync(from, `${this.path}.${index + 1}`);
    }
    if (this.backups > 0) renameSync(this.path, `${this.path}.1`);
    // With no backups the file is truncated in place.
    this.fd = openSync(this.path, this.backups > 0 ? 'a' : 'w');
    this.size = 0;
  }
}
