import { jsonNestsDeeperThan } from './json-body-parser';

const depth = (text: string, limit: number): boolean => jsonNestsDeeperThan(Buffer.from(text), limit);

describe('jsonNestsDeeperThan', () => {
  it('counts objects and arrays together', () => {
    expect(depth('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(depth('{"a":[{"b":[1]}]}', 3)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(depth(JSON.stringify({ a: '[[[[{{{{', b: 'say \\"[[[" ok' }), 1)).toBe(false);
    expect(depth(JSON.stringify({ a: '\\' }) + '[[', 1)).toBe(true);
  });

  it('reads multi-byte text without losing its place', () => {
    expect(depth(JSON.stringify({ a: '中"[[[😀' }), 1)).toBe(false);
  });
});
