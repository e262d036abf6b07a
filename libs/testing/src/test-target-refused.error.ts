// Thrown before a destructive step (truncate, FLUSHDB, migrate) would touch something that is not a test target.
export class TestTargetRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TestTargetRefusedError';
  }
}
