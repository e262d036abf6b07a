import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError, validationFailed } from '@qbm/http';
import { ListQueryDto } from './list-query.dto';
import { Page } from './page';

interface CursorPayload {
  s: string;
  o: 'asc' | 'desc';
  v: string | number;
  id: string;
}

export interface SortSpec {
  // API sort name -> entity property; properties must be NOT NULL for keyset paging to be exact.
  fields: Record<string, string>;
  defaultField: string;
}

function invalidCursor(): DomainError {
  return new DomainError(
    'PAGINATION.INVALID_CURSOR',
    'validation',
    'The cursor is malformed or belongs to another sort',
    [{ field: 'cursor', reason: 'invalid', message: 'cursor is malformed or does not match sort and order' }],
  );
}

function decodeCursor(cursor: string): CursorPayload {
  try {
    const payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorPayload>;
    if (
      typeof payload.s === 'string' &&
      (payload.o === 'asc' || payload.o === 'desc') &&
      typeof payload.id === 'string' &&
      (typeof payload.v === 'string' || typeof payload.v === 'number')
    ) {
      return payload as CursorPayload;
    }
  } catch {
    // fall through
  }
  throw invalidCursor();
}

function cursorValue(value: unknown): string | number {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}

// Offset paging (page/size, with a total) for clients that show page numbers, and keyset paging on (sort, id)
// through an opaque cursor, which costs the same on page 1 and page 10,000.
export async function paginate<E extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<E>,
  query: ListQueryDto,
  sort: SortSpec,
): Promise<Page<E>> {
  const alias = qb.alias;
  const sortName = query.sort ?? sort.defaultField;
  const property = sort.fields[sortName];
  if (!property) {
    throw validationFailed([
      { field: 'sort', reason: 'isIn', message: `sort must be one of: ${Object.keys(sort.fields).join(', ')}` },
    ]);
  }
  const order = query.order ?? 'desc';
  const size = query.size ?? 20;
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  qb.orderBy(`${alias}.${property}`, direction)
    .addOrderBy(`${alias}.id`, direction)
    .limit(size + 1);

  let total: number | undefined;
  let page: number | undefined;
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    if (cursor.s !== sortName || cursor.o !== order) throw invalidCursor();
    const comparison = order === 'asc' ? '>' : '<';
    qb.andWhere(`(${alias}.${property}, ${alias}.id) ${comparison} (:cursorValue, :cursorId)`, {
      cursorValue: cursor.v,
      cursorId: cursor.id,
    });
  } else {
    page = query.page ?? 1;
    total = await qb.clone().orderBy().limit(undefined).getCount();
    qb.offset((page - 1) * size);
  }

  const rows = await qb.getMany();
  const hasMore = rows.length > size;
  const data = hasMore ? rows.slice(0, size) : rows;
  const last = data[data.length - 1];
  const nextCursor =
    hasMore && last
      ? Buffer.from(
          JSON.stringify({
            s: sortName,
            o: order,
            v: cursorValue(last[property]),
            id: last.id,
          } satisfies CursorPayload),
        ).toString('base64url')
      : null;
  return { data, meta: { size, page, total, nextCursor } };
}
