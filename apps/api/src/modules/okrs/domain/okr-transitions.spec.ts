import { OKR_STATUSES, OkrStatus } from '../entities/okr.entity';
import { isAllowedTransition, isClosed, isScored } from './okr-transitions';

const ALLOWED: Array<[OkrStatus, OkrStatus]> = [
  ['draft', 'active'],
  ['draft', 'cancelled'],
  ['active', 'completed'],
  ['active', 'failed'],
  ['active', 'cancelled'],
];

describe('OKR transitions', () => {
  const pairs = OKR_STATUSES.flatMap((from) => OKR_STATUSES.map((to): [OkrStatus, OkrStatus] => [from, to]));

  it.each(pairs)('%s -> %s', (from, to) => {
    const expected = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(isAllowedTransition(from, to)).toBe(expected);
  });

  it('treats completed, failed and cancelled as closed', () => {
    expect(OKR_STATUSES.filter(isClosed)).toEqual(['completed', 'failed', 'cancelled']);
  });

  it('scores only completed and failed OKRs', () => {
    expect(OKR_STATUSES.filter(isScored)).toEqual(['completed', 'failed']);
  });
});
