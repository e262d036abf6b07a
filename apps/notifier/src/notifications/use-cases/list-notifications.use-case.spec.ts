import { DomainError } from '@qbm/http';
import { decodeCursor, encodeCursor } from './list-notifications.use-case';

describe('history cursors', () => {
  it('round-trip a position with microseconds', () => {
    const position = { createdAt: '2026-11-29T10:00:00.123456Z', id: '0f8fad5b-d9cb-469f-a165-70867728950e' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('refuse anything else as VALIDATION.FAILED', () => {
    for (const forged of ['', 'abc', Buffer.from('now|x').toString('base64url')]) {
      expect(() => decodeCursor(forged)).toThrow(DomainError);
    }
  });
});
