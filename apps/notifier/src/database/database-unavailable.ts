// Whether a failed query means the database cannot be reached or is refusing work (as opposed to
// a bug in the query): connection refused or reset, pool timeouts, and Postgres's connection-class
// (08xxx), shutdown (57P0x) and too-many-connections (53300) codes.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

// Duck-typed rather than instanceof: errors made by Node's own sockets may come from another realm.
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const failure = error as { driverError?: unknown; cause?: unknown; message?: unknown };
  const codes = [error, failure.driverError, failure.cause]
    .map((candidate) => (candidate as { code?: unknown } | undefined)?.code)
    .filter((code): code is string => typeof code === 'string');
  if (
    codes.some(
      (code) => NETWORK_CODES.has(code) || code.startsWith('08') || code.startsWith('57P0') || code === '53300',
    )
  ) {
    return true;
  }
  return typeof failure.message === 'string' && MESSAGES.test(failure.message);
}
