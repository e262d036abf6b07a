import { z } from 'zod';
import { assertKnownKeys, parseCatalogue } from './catalogue-file';
import { DEMO_METRICS } from './demo-metrics.catalogue';
import { DEMO_OBJECTIVES } from './demo-objectives.catalogue';
import { ANNUAL_OKRS, QUARTERLY_OKRS } from './demo-okrs.catalogue';
import { DEMO_REQUIREMENTS } from './demo-requirements.catalogue';

describe('demo catalogues as data files', () => {
  it('load and validate the shipped files', () => {
    expect(DEMO_OBJECTIVES).toHaveLength(19);
    expect(DEMO_METRICS).toHaveLength(24);
    expect([ANNUAL_OKRS.length, QUARTERLY_OKRS.length]).toEqual([3, 14]);
    expect(DEMO_REQUIREMENTS).toHaveLength(24);
  });

  it('name the file, the entry and the field of every problem', () => {
    const schema = z.array(z.object({ name: z.string(), priority: z.number().int() }).strict());
    expect(() =>
      parseCatalogue('demo-x.json', schema, [
        { name: 'a', priority: 1 },
        { priority: 1.5, extra: true },
      ]),
    ).toThrow(
      /seed catalogue demo-x.json is invalid:\n {2}1\.name: Required\n {2}1\.priority: Expected integer, received float\n {2}1: Unrecognized key\(s\) in object: 'extra'/,
    );
  });

  it('refuse a reference to an objective that does not exist', () => {
    expect(() =>
      assertKnownKeys('demo-okrs.json', new Set(['goal-arr']), ['goal-arr', 'goal-mars', undefined]),
    ).toThrow('seed catalogue demo-okrs.json names unknown objectives: goal-mars');
  });
});
