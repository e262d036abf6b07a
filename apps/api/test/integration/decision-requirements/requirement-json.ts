// Shapes of the JSON the specs read back, so assertions stay typed.
export interface RequirementJson {
  id: string;
  code: string;
  title: string;
  type: string;
  priority: number;
  status: string;
  approver: string | null;
  decisionReason: string | null;
}

export interface PageJson<T> {
  data: T[];
  meta: { size: number; page?: number; total?: number; nextCursor: string | null };
}

export interface ValidationErrorJson {
  code: string;
  details: Array<{ field: string; reason: string }>;
}

export function fieldsOf(error: ValidationErrorJson): string[] {
  return error.details.map((d) => d.field);
}
