import { type Check, SkipCheck } from './check';

export interface CheckTotals {
  passed: number;
  failed: number;
  skipped: number;
}

// Runs every check, prints one line each, and ends with "N passed, N failed, N skipped", the line
// scripts/test.mjs adds to the suite's totals.
export function runChecks(checks: readonly Check[], strict: boolean, write: (text: string) => void): CheckTotals {
  const totals: CheckTotals = { passed: 0, failed: 0, skipped: 0 };
  for (const check of checks) {
    try {
      check.run();
      totals.passed += 1;
      write(`ok    ${check.name}\n`);
    } catch (error) {
      if (error instanceof SkipCheck && !strict) {
        totals.skipped += 1;
        write(`skip  ${check.name}: ${error.message}\n`);
      } else {
        totals.failed += 1;
        const message = error instanceof Error ? error.message : String(error);
        write(`FAIL  ${check.name}\n${message.replace(/^/gm, '      ')}\n`);
      }
    }
  }
  write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
  return totals;
}
