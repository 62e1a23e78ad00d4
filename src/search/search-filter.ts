import type { SearchDocument } from './search-document';

/**
 * Fields a filter or facet may name. Kept as an explicit list (not `keyof`)
 * because Meilisearch needs them declared as filterable up front and the
 * embedded engine must refuse the same fields Meilisearch would refuse.
 */
export const FILTERABLE_FIELDS = [
  'id',
  'type',
  'kind',
  'keywords',
  'categories',
  'audiences',
  'language',
  'license',
  'seriesIds',
  'ownerUnitId',
  'ownerPath',
  'cityCode',
  'cityName',
  'countyCode',
  'countyName',
  'visibility',
  'status',
  'durationSeconds',
  'updatedAt',
  'adoptionCount',
] as const satisfies readonly (keyof SearchDocument)[];

export type FilterField = (typeof FILTERABLE_FIELDS)[number];

/** Array-valued fields match when any element matches. */
export const ARRAY_FIELDS: ReadonlySet<FilterField> = new Set<FilterField>([
  'keywords',
  'categories',
  'audiences',
  'seriesIds',
  'ownerPath',
]);

export type FilterScalar = string | number | boolean;

export type Filter =
  | { and: Filter[] }
  | { or: Filter[] }
  | { not: Filter }
  | { field: FilterField; eq: FilterScalar }
  | { field: FilterField; in: (string | number)[] }
  | { field: FilterField; gte?: number; lte?: number };

export const Filters = {
  and: (...filters: Filter[]): Filter => ({ and: filters }),
  or: (...filters: Filter[]): Filter => ({ or: filters }),
  not: (filter: Filter): Filter => ({ not: filter }),
  eq: (field: FilterField, value: FilterScalar): Filter => ({ field, eq: value }),
  in: (field: FilterField, values: (string | number)[]): Filter => ({ field, in: values }),
  range: (field: FilterField, bounds: { gte?: number; lte?: number }): Filter => ({
    field,
    ...bounds,
  }),
};

export class InvalidFilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidFilterError';
  }
}

export function isFilterableField(field: string): field is FilterField {
  return (FILTERABLE_FIELDS as readonly string[]).includes(field);
}

/**
 * Throws on unknown fields or malformed nodes, so a typo in a caller's filter
 * fails loudly instead of silently matching nothing (or, worse, everything).
 */
export function assertValidFilter(filter: Filter): void {
  if ('and' in filter) return filter.and.forEach(assertValidFilter);
  if ('or' in filter) return filter.or.forEach(assertValidFilter);
  if ('not' in filter) return assertValidFilter(filter.not);
  if (!('field' in filter) || !isFilterableField(filter.field)) {
    throw new InvalidFilterError(
      `Unknown filter field: ${String((filter as { field?: unknown }).field)}`,
    );
  }
  if ('eq' in filter) {
    if (!['string', 'number', 'boolean'].includes(typeof filter.eq)) {
      throw new InvalidFilterError(`Filter on ${filter.field}: eq needs a scalar`);
    }
    return;
  }
  if ('in' in filter) {
    if (!Array.isArray(filter.in))
      throw new InvalidFilterError(`Filter on ${filter.field}: in needs an array`);
    return;
  }
  const { gte, lte } = filter;
  if (gte === undefined && lte === undefined) {
    throw new InvalidFilterError(`Filter on ${filter.field}: a range needs gte and/or lte`);
  }
  for (const bound of [gte, lte]) {
    if (bound !== undefined && (typeof bound !== 'number' || !Number.isFinite(bound))) {
      throw new InvalidFilterError(
        `Filter on ${filter.field}: range bounds must be finite numbers`,
      );
    }
  }
}

function fieldValues(doc: SearchDocument, field: FilterField): unknown[] {
  const value = (doc as unknown as Record<string, unknown>)[field];
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Reference semantics of the filter AST, evaluated against one document. The
 * embedded engine runs it inside its search; the Meilisearch translation must
 * mean exactly the same thing.
 */
export function matchesFilter(filter: Filter, doc: SearchDocument): boolean {
  if ('and' in filter) return filter.and.every((f) => matchesFilter(f, doc));
  if ('or' in filter) return filter.or.some((f) => matchesFilter(f, doc));
  if ('not' in filter) return !matchesFilter(filter.not, doc);
  const values = fieldValues(doc, filter.field);
  if ('eq' in filter) return values.some((v) => v === filter.eq);
  if ('in' in filter) return values.some((v) => (filter.in as unknown[]).includes(v));
  const { gte, lte } = filter;
  return values.some(
    (v) =>
      typeof v === 'number' && (gte === undefined || v >= gte) && (lte === undefined || v <= lte),
  );
}
