export type { SearchDocument, HighlightField } from './search-document';
export { SEARCH_DOCUMENT_ID_PATTERN, HIGHLIGHT_FIELDS } from './search-document';
export type { Filter, FilterField, FilterScalar } from './search-filter';
export { Filters, FILTERABLE_FIELDS, matchesFilter, InvalidFilterError } from './search-filter';
export type { SearchEngine, SearchQuery, SearchResult, SearchHit, SearchSort } from './search.port';
export {
  SearchUnavailableError,
  InvalidSearchRequestError,
  DEFAULT_SEARCH_LIMIT,
  MAX_SEARCH_LIMIT,
} from './search.port';
export { createSearchEngine, type CreateSearchEngineOptions } from './create-search-engine';
export {
  EmbeddedSearchEngine,
  type EmbeddedSearchOptions,
} from './embedded/embedded-search.adapter';
export {
  MeilisearchEngine,
  type MeilisearchEngineOptions,
} from './meilisearch/meilisearch.adapter';
