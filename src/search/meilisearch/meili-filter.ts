import { assertValidFilter, type Filter, type FilterScalar } from '../search-filter';

// Meilisearch has no literals for true/false filters; `id` is always present
// and filterable, so these stand in for them.
export const MEILI_TRUE = 'id EXISTS';
export const MEILI_FALSE = 'id NOT EXISTS';

/** Double-quoted Meilisearch filter string literal: backslashes and quotes escaped. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function literal(value: FilterScalar): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new RangeError(`Filter value is not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return quoteFilterValue(value);
}

/**
 * Translates the filter AST to a Meilisearch filter expression with the same
 * meaning as `matchesFilter` (array fields match when any element matches —
 * which is how Meilisearch compares arrays too). Returns undefined for "no
 * restriction". Field names come from a fixed allow-list, values are quoted,
 * so user input can never change the expression's structure.
 */
export function toMeiliFilter(filter: Filter | undefined): string | undefined {
  if (!filter) return undefined;
  assertValidFilter(filter);
  const expr = translate(filter);
  return expr === MEILI_TRUE ? undefined : expr;
}

function translate(filter: Filter): string {
  if ('and' in filter) {
    const parts = filter.and.map(translate).filter((p) => p !== MEILI_TRUE);
    if (parts.includes(MEILI_FALSE)) return MEILI_FALSE;
    if (parts.length === 0) return MEILI_TRUE;
    return parts.length === 1 ? (parts[0] as string) : parts.map(group).join(' AND ');
  }
  if ('or' in filter) {
    const parts = filter.or.map(translate).filter((p) => p !== MEILI_FALSE);
    if (parts.includes(MEILI_TRUE)) return MEILI_TRUE;
    if (parts.length === 0) return MEILI_FALSE;
    return parts.length === 1 ? (parts[0] as string) : parts.map(group).join(' OR ');
  }
  if ('not' in filter) {
    const inner = translate(filter.not);
    if (inner === MEILI_TRUE) return MEILI_FALSE;
    if (inner === MEILI_FALSE) return MEILI_TRUE;
    return `NOT ${group(inner)}`;
  }
  const field = filter.field;
  if ('eq' in filter) return `${field} = ${literal(filter.eq)}`;
  if ('in' in filter) {
    if (filter.in.length === 0) return MEILI_FALSE;
    return `${field} IN [${filter.in.map(literal).join(', ')}]`;
  }
  const bounds: string[] = [];
  if (filter.gte !== undefined) bounds.push(`${field} >= ${literal(filter.gte)}`);
  if (filter.lte !== undefined) bounds.push(`${field} <= ${literal(filter.lte)}`);
  return bounds.length === 1 ? (bounds[0] as string) : `(${bounds.join(' AND ')})`;
}

function group(expr: string): string {
  return `(${expr})`;
}
