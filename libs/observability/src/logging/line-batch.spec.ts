import { LineBatch, type LineSink } from './logger-params.factory';

class RecordingSink implements LineSink {
  readonly chunks: string[] = [];
  flushes = 0;
  write(chunk: Buffer): void {
    this.chunks.push(chunk.toString('utf8'));
  }
  flushSync(): void {
    this.flushes += 1;
  }
}

describe('LineBatch', () => {
  it('hands lines on in one chunk once they reach the batch size, in order', () => {
    const sink = new RecordingSink();
    const batch = new LineBatch(sink, 10);
    batch.write('one\n');
    batch.write('two\n');
    expect(sink.chunks).toEqual([]);
    batch.write('three\n');
    expect(sink.chunks).toEqual(['one\ntwo\nthree\n']);
    batch.write('vier – ünf\n');
    batch.release();
    batch.release();
    expect(sink.chunks).toEqual(['one\ntwo\nthree\n', 'vier – ünf\n']);
  });

  it('writes out what it holds on flushSync, and every later line at once', () => {
    const sink = new RecordingSink();
    const batch = new LineBatch(sink, 4096);
    batch.write('before stop\n');
    batch.flushSync();
    expect(sink.chunks).toEqual(['before stop\n']);
    expect(sink.flushes).toBe(1);
    batch.write('during shutdown\n');
    expect(sink.chunks).toEqual(['before stop\n', 'during shutdown\n']);
    expect(sink.flushes).toBe(2);
  });
});
