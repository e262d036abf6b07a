import { SkipCheck } from './check';
import { runChecks } from './check-runner';

describe('runChecks', () => {
  const checks = [
    { name: 'passes', run: () => undefined },
    {
      name: 'fails',
      run: () => {
        throw new Error('line one\nline two');
      },
    },
    {
      name: 'needs a tool',
      run: () => {
        throw new SkipCheck('promtool not found');
      },
    },
  ];

  it('prints a line per check and the totals line scripts/test.mjs reads', () => {
    let output = '';
    expect(runChecks(checks, false, (text) => (output += text))).toEqual({ passed: 1, failed: 1, skipped: 1 });
    expect(output).toBe(
      [
        'ok    passes',
        'FAIL  fails',
        '      line one',
        '      line two',
        'skip  needs a tool: promtool not found',
        '1 passed, 1 failed, 1 skipped',
        '',
      ].join('\n'),
    );
  });

  it('counts a missing tool as a failure when strict (CI)', () => {
    expect(runChecks(checks, true, () => undefined)).toEqual({ passed: 1, failed: 2, skipped: 0 });
  });
});
