// A command line that cannot be run as given: printed without a stack, exit code 2.
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}
