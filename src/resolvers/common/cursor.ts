import { BadUserInputError } from '../../errors/app-errors';

/**
 * Opaque cursors: base64url JSON of the sort key of an item. Invalid cursors
 * are a client error, not an empty page.
 */
export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<T extends Record<string, string | number>>(
  cursor: string,
  field: string,
  isValid: (value: Record<string, unknown>) => value is T,
): T {
  const bad = () => new BadUserInputError('无效的分页游标 / invalid pagination cursor', field);
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]*$/.test(cursor)) throw bad();
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      !isValid(parsed as Record<string, unknown>)
    )
      throw bad();
    return parsed as T;
  } catch {
    throw bad();
  }
}

/** Page size rules shared by every list: required-ish, defaulted, capped at 100. */
export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | undefined | null, field = 'first', fallback = 20): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE) {
    throw new BadUserInputError(
      `${field} 应在 0–${MAX_PAGE_SIZE} 之间 / ${field} must be between 0 and ${MAX_PAGE_SIZE}`,
      field,
    );
  }
  return n;
}

/** A keyset position: the sort value (epoch ms) and the id that breaks ties. */
export interface Keyset {
  value: number;
  id: string;
}

const isKeysetCursor = (v: Record<string, unknown>): v is { v: number; id: string } =>
  typeof v.v === 'number' && typeof v.id === 'string' && /^[0-9a-f]{24}$/.test(v.id);

export function encodeKeysetCursor(at: Date, id: { toHexString(): string }): string {
  return encodeCursor({ v: at.getTime(), id: id.toHexString() });
}

/** Decodes a keyset cursor; null/undefined means "from the start". */
export function decodeKeysetCursor(
  cursor: string | null | undefined,
  field: string,
): Keyset | undefined {
  if (cursor == null) return undefined;
  const c = decodeCursor(cursor, field, isKeysetCursor);
  return { value: c.v, id: c.id };
}

/** Builds a Relay connection from one page of documents: cursors from the documents, nodes mapped. */
export function buildConnection<D, N>(
  page: { nodes: D[]; hasNextPage: boolean; count: () => Promise<number> },
  cursorOf: (doc: D) => string,
  mapNode: (doc: D) => N,
  hadCursor: boolean,
) {
  const edges = page.nodes.map((doc) => ({ cursor: cursorOf(doc), node: mapNode(doc) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    countFn: page.count,
  };
}
