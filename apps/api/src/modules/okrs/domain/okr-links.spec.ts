import { DomainError } from '@qbm/http';
import { OkrLinkLookups, assertOkrLinks } from './okr-links';

function lookups(overrides: Partial<OkrLinkLookups> = {}): OkrLinkLookups & { asked: string[] } {
  const asked: string[] = [];
  const answer =
    (name: string, value: boolean) =>
    (...ids: string[]): Promise<boolean> => {
      asked.push(`${name}(${ids.join(',')})`);
      return Promise.resolve(value);
    };
  return {
    asked,
    strategicObjectiveExists: answer('objective', true),
    parentExists: answer('parent', true),
    isSelfOrDescendant: answer('cycle', false),
    ...overrides,
  };
}

async function codeOf(run: Promise<void>): Promise<string | undefined> {
  try {
    await run;
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
  return undefined;
}

describe('assertOkrLinks', () => {
  it('asks nothing when no link changes', async () => {
    const l = lookups();
    await assertOkrLinks(l, {});
    expect(l.asked).toEqual([]);
  });

  it('checks the objective, then the parent, then (on an edit) for a cycle', async () => {
    const l = lookups();
    await assertOkrLinks(l, { strategicObjectiveId: 'so', parentOkrId: 'p' }, 'okr');
    expect(l.asked).toEqual(['objective(so)', 'parent(p)', 'cycle(okr,p)']);
    const created = lookups();
    await assertOkrLinks(created, { parentOkrId: 'p' });
    expect(created.asked).toEqual(['parent(p)']);
  });

  it('refuses a missing objective, a missing parent and a cycle with their codes', async () => {
    const missing = () => Promise.resolve(false);
    expect(
      await codeOf(assertOkrLinks(lookups({ strategicObjectiveExists: missing }), { strategicObjectiveId: 's' })),
    ).toBe('OKR.STRATEGIC_OBJECTIVE_NOT_FOUND');
    expect(await codeOf(assertOkrLinks(lookups({ parentExists: missing }), { parentOkrId: 'p' }))).toBe(
      'OKR.PARENT_NOT_FOUND',
    );
    const cycle = lookups({ isSelfOrDescendant: () => Promise.resolve(true) });
    expect(await codeOf(assertOkrLinks(cycle, { parentOkrId: 'p' }, 'okr'))).toBe('OKR.PARENT_CYCLE');
  });
});
