import { SEARCH_DOCUMENT_ID_PATTERN, type SearchDocument } from './search-document';
import { assertValidFilter, isFilterableField, InvalidFilterError } from './search-filter';
import {
  DEFAULT_SEARCH_LIMIT,
  InvalidSearchRequestError,
  MAX_SEARCH_LIMIT,
  type SearchQuery,
  type SearchSort,
} from './search.port';

export function assertIndexableDocuments(documents: readonly SearchDocument[]): void {
  for (const doc of documents) {
    if (typeof doc.id !== 'string' || !SEARCH_DOCUMENT_ID_PATTERN.test(doc.id)) {
      throw new InvalidSearchRequestError(
        `Document id is not index-safe: ${JSON.stringify(doc.id)}`,
      );
    }
  }
}

export interface NormalizedSearchQuery extends Required<Omit<SearchQuery, 'filter'>> {
  filter?: SearchQuery['filter'];
}

const SORTS: readonly SearchSort[] = ['RELEVANCE', 'NEWEST', 'MOST_ADOPTED'];

/** Applies defaults and rejects bad options identically in every adapter. */
export function normalizeSearchQuery(query: SearchQuery): NormalizedSearchQuery {
  const text = (query.query ?? '').trim();
  const offset = query.offset ?? 0;
  const limit = query.limit ?? DEFAULT_SEARCH_LIMIT;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InvalidSearchRequestError('offset must be a non-negative integer');
  }
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_SEARCH_LIMIT) {
    throw new InvalidSearchRequestError(
      `limit must be an integer between 0 and ${MAX_SEARCH_LIMIT}`,
    );
  }
  const sort = query.sort ?? (text ? 'RELEVANCE' : 'NEWEST');
  if (!SORTS.includes(sort)) throw new InvalidSearchRequestError(`Unknown sort: ${String(sort)}`);
  const facets = query.facets ?? [];
  for (const field of facets) {
    if (!isFilterableField(field))
      throw new InvalidSearchRequestError(`Unknown facet field: ${field}`);
  }
  if (query.filter) {
    try {
      assertValidFilter(query.filter);
    } catch (err) {
      if (err instanceof InvalidFilterError) throw new InvalidSearchRequestError(err.message);
      throw err;
    }
  }
  return { query: text, filter: query.filter, facets, sort, offset, limit };
}
