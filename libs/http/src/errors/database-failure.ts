// Why a database call failed when the cause is the database being away or refusing work, not the
// query: a short stable word for `dependency_errors_total{reason}`; undefined for everything else
// (a constraint violation, a bug), which must stay a 500 or its own coded error.
export type DatabaseFailureReason =
  'unreachable' | 'connection_lost' | 'timeout' | 'shutting_down' | 'too_many_connections';

const NETWORK_CODES: Record<string, DatabaseFailureReason> = {
  ECONNREFUSED: 'unreachable',
  ENOTFOUND: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EAI_AGAIN: 'unreachable',
  ECONNRESET: 'connection_lost',
  EPIPE: 'connection_lost',
  ETIMEDOUT: 'timeout',
};

// pg's own messages for a socket that went away and for a pool that could not hand out a connection
// in time (the server is unreachable or every connection is busy).
const MESSAGES: [RegExp, DatabaseFailureReason][] = [
  [/timeout exceeded when trying to connect|Connection terminated due to connection timeout/i, 'timeout'],
  [/Connection terminated|Client has encountered a connection error|Client was closed/i, 'connection_lost'],
  [/connect ECONNREFUSED/i, 'unreachable'],
  [/the database system is (starting up|shutting down|in recovery mode)/i, 'shutting_down'],
  [/too many clients already|remaining connection slots are reserved/i, 'too_many_connections'],
];

function reasonForSqlState(code: string): DatabaseFailureReason | undefined {
  if (code === '53300') return 'too_many_connections';
  // admin_shutdown, crash_shutdown, cannot_connect_now.
  if (code.startsWith('57P0')) return 'shutting_down';
  // The connection exception class.
  if (/^08[0-9A-Z]{3}$/.test(code)) return 'unreachable';
  return undefined;
}

// Duck-typed rather than instanceof: TypeORM wraps pg's error in QueryFailedError (driverError), and
// socket errors may come from another realm.
export function databaseFailureReason(error: unknown): DatabaseFailureReason | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const failure = error as { driverError?: unknown; cause?: unknown; message?: unknown };
  for (const candidate of [error, failure.driverError, failure.cause]) {
    const code = (candidate as { code?: unknown } | null | undefined)?.code;
    if (typeof code !== 'string') continue;
    const reason = NETWORK_CODES[code] ?? reasonForSqlState(code);
    if (reason) return reason;
  }
  for (const candidate of [error, failure.driverError, failure.cause]) {
    const message = (candidate as { message?: unknown } | null | undefined)?.message;
    if (typeof message !== 'string') continue;
    const match = MESSAGES.find(([pattern]) => pattern.test(message));
    if (match) return match[1];
  }
  return undefined;
}
