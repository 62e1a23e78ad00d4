import type { SearchDocument } from '../search-document';
import type { FilterField } from '../search-filter';

/**
 * Counts facet values over every matching document (not a page). Array fields
 * count each distinct element once per document; absent values are skipped.
 * Keys are strings, as Meilisearch's facetDistribution returns them.
 */
export function countFacets(
  docs: Iterable<SearchDocument>,
  fields: readonly FilterField[],
): Partial<Record<FilterField, Record<string, number>>> {
  const out: Partial<Record<FilterField, Record<string, number>>> = {};
  for (const field of fields) out[field] = {};
  if (fields.length === 0) return out;
  for (const doc of docs) {
    for (const field of fields) {
      const counts = out[field] as Record<string, number>;
      const raw = (doc as unknown as Record<string, unknown>)[field];
      if (raw === undefined || raw === null) continue;
      const values = Array.isArray(raw) ? new Set(raw.map(String)) : [String(raw)];
      for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
    }
  }
  return out;
}
