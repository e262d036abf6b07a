import { FieldProblem } from '@qbm/http';

// One value per metric per date: a batch that names a date twice is ambiguous, so every repeat is reported.
export function duplicateDateProblems(values: ReadonlyArray<{ date: string }>): FieldProblem[] {
  const firstIndex = new Map<string, number>();
  const problems: FieldProblem[] = [];
  values.forEach(({ date }, index) => {
    const first = firstIndex.get(date);
    if (first === undefined) {
      firstIndex.set(date, index);
      return;
    }
    problems.push({
      field: `values.${index}.date`,
      reason: 'duplicate',
      message: `values.${index}.date repeats ${date} from values.${first}`,
    });
  });
  return problems;
}
