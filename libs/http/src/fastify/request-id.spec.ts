import { requestIdFor } from './request-id';

describe('requestIdFor', () => {
  it("keeps a gateway's well-formed id", () => {
    const raw = { headers: { 'x-request-id': 'gw-1234:abcd' } };
    expect(requestIdFor(raw)).toBe('gw-1234:abcd');
  });

  it.each([['short'], ['has space inside'], ['x'.repeat(129)], [['a-list-of', 'ids-12345']]])(
    'replaces %p with a fresh UUID and writes it back onto the headers',
    (incoming) => {
      const raw: { headers: Record<string, string | string[] | undefined> } = { headers: { 'x-request-id': incoming } };
      const id = requestIdFor(raw);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(raw.headers['x-request-id']).toBe(id);
    },
  );

  it('creates one when there is none', () => {
    const raw: { headers: Record<string, string | undefined> } = { headers: {} };
    expect(requestIdFor(raw)).toBe(raw.headers['x-request-id']);
  });
});
