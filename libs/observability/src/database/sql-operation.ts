import type { DbOperation } from '../metrics/metric-labels';

const OPERATIONS: Record<string, DbOperation> = {
  select: 'select',
  insert: 'insert',
  update: 'update',
  delete: 'delete',
};

// The first keyword names the operation; CTEs (WITH ...), DDL, transactions and the rest are "other".
export function sqlOperation(sql: string): DbOperation {
  const keyword = /^\s*(?:\/\*[\s\S]*?\*\/\s*|--[^\n]*\n\s*)*([a-z]+)/i.exec(sql)?.[1]?.toLowerCase();
  return (keyword && OPERATIONS[keyword]) || 'other';
}
