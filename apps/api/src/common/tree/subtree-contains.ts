import { EntityManager } from 'typeorm';

// The self-referencing trees of the schema; identifiers come from this list, never from input.
export const TREES = {
  objectives: { table: 'strategic_objectives', parentColumn: 'parent_id' },
  okrs: { table: 'okrs', parentColumn: 'parent_okr_id' },
} as const;

// True when `candidateId` is `rootId` itself or sits anywhere below it: making it the parent of
// `rootId` would close a cycle.
export async function subtreeContains(
  manager: EntityManager,
  tree: (typeof TREES)[keyof typeof TREES],
  organizationId: string,
  rootId: string,
  candidateId: string,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `WITH RECURSIVE subtree AS (
       SELECT id FROM ${tree.table} WHERE id = $1 AND organization_id = $2
       UNION
       SELECT c.id FROM ${tree.table} c JOIN subtree s ON c.${tree.parentColumn} = s.id
     )
     SELECT 1 FROM subtree WHERE id = $3 LIMIT 1`,
    [rootId, organizationId, candidateId],
  );
  return rows.length > 0;
}
