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
