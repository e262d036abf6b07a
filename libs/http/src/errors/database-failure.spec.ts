import { QueryFailedError } from 'typeorm';
import { databaseFailureReason } from './database-failure';

function coded(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('databaseFailureReason', () => {
  it('names the outage for socket, pool and server-state failures', () => {
    expect(databaseFailureReason(coded('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe('unreachable');
    expect(databaseFailureReason(coded('read ECONNRESET', 'ECONNRESET'))).toBe('connection_lost');
    expect(databaseFailureReason(new Error('Connection terminated unexpectedly'))).toBe('connection_lost');
    expect(databaseFailureReason(new Error('timeout exceeded when trying to connect'))).toBe('timeout');
    expect(databaseFailureReason(new Error('Connection terminated due to connection timeout'))).toBe('timeout');
    expect(databaseFailureReason(coded('terminating connection due to administrator command', '57P01'))).toBe(
      'shutting_down',
    );
    expect(databaseFailureReason(coded('the database system is starting up', '57P03'))).toBe('shutting_down');
    expect(databaseFailureReason(coded('sorry, too many clients already', '53300'))).toBe('too_many_connections');
    expect(databaseFailureReason(coded('connection failure', '08006'))).toBe('unreachable');
  });

  it('looks through TypeORM wrappers at the driver error', () => {
    const wrapped = new QueryFailedError('SELECT 1', [], coded('terminating connection', '57P01'));
    expect(databaseFailureReason(wrapped)).toBe('shutting_down');
    expect(databaseFailureReason({ message: 'x', cause: coded('read ECONNRESET', 'ECONNRESET') })).toBe(
      'connection_lost',
    );
  });

  it('leaves query bugs, constraint violations and non-errors alone', () => {
    expect(databaseFailureReason(new QueryFailedError('INSERT', [], coded('duplicate key', '23505')))).toBeUndefined();
    expect(databaseFailureReason(coded('syntax error at or near', '42601'))).toBeUndefined();
    expect(databaseFailureReason(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeUndefined();
    expect(databaseFailureReason('ECONNREFUSED')).toBeUndefined();
    expect(databaseFailureReason(null)).toBeUndefined();
  });
});
