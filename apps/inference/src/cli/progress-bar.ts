import type { TrainingProgress } from '../registry/training-progress';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

const WIDTH = 30;

// A progress bar redrawn in place on a terminal; elsewhere (a pipe, CI log) one plain line per tenth
// of each stage, so logs stay readable.
export class ProgressBar {
  private stage: string | null = null;
  private lastTenth = -1;
  private drawn = false;
  private shown = '';

  constructor(private readonly stream: ProgressStream) {}

  update({ stage, done, total, detail }: TrainingProgress): void {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    if (stage !== this.stage) {
      this.finish();
      this.stage = stage;
      this.lastTenth = -1;
      this.shown = '';
    }
    if (this.stream.isTTY) {
      // Redrawn when what it shows changes, not on every step.
      const shown = `${Math.round(fraction * 1000)} ${detail ?? ''}`;
      if (shown === this.shown && done < total) return;
      this.shown = shown;
      const filled = Math.round(fraction * WIDTH);
      const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`;
      const suffix = detail ? ` ${detail}` : '';
      this.stream.write(`\r${stage} [${bar}] ${done}/${total} ${Math.round(fraction * 100)}%${suffix}\x1b[K`);
      this.drawn = true;
      // A finished stage keeps its line: what is logged next starts below it.
      if (done >= total) this.finish();
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    this.stream.write(`${stage}: ${done}/${total} (${Math.round(fraction * 100)}%)${detail ? ` ${detail}` : ''}\n`);
  }

  // Ends the bar's line so the next log line starts clean.
  finish(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}
