export class CliUsageError extends Error {
  constructor(
    readonly usage: string,
    readonly problems: string[],
  ) {
    super(`${problems.join('\n')}\nusage: ${usage}`);
    this.name = 'CliUsageError';
  }
}
