import { DomainError } from '../errors/domain-error';
import { NulCharacterPipe } from './nul-character.pipe';

describe('NulCharacterPipe', () => {
  const pipe = new NulCharacterPipe();

  it('passes values without NUL through untouched', () => {
    const body = { name: 'ok 😀', tags: ['a'], nested: { n: 1 } };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
  });

  it('names every field holding a NUL, nested ones included', () => {
    let caught: unknown;
    try {
      pipe.transform({ name: 'a\u0000b', values: [{ note: '\u0000' }, { note: 'fine' }] }, { type: 'body' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).details).toEqual([
      expect.objectContaining({ field: 'name', reason: 'nulCharacter' }),
      expect.objectContaining({ field: 'values.0.note', reason: 'nulCharacter' }),
    ]);
  });

  it('names a path parameter by its name', () => {
    expect(() => pipe.transform('x\u0000', { type: 'param', data: 'id' })).toThrow(DomainError);
  });
});
