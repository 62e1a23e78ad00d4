import type { HighlightField, SearchDocument } from './search-document';
import type { Filter, FilterField } from './search-filter';

/** Result orderings every engine supports. Ties fall back to newest first, then id. */
export type SearchSort = 'RELEVANCE' | 'NEWEST' | 'MOST_ADOPTED';

export interface SearchQuery {
  /** Free text in Chinese, pinyin, pinyin initials, English or digits; empty means "browse". */
  query?: string;
  /**
   * Structured filter, including the caller's visibility rule. Applied inside
   * the engine so hits, totalCount and facets only ever count visible documents.
   */
  filter?: Filter;
  /** Fields to count values of, over the whole filtered result (not just the page). */
  facets?: FilterField[];
  /** Defaults to RELEVANCE when there is query text, NEWEST otherwise. */
  sort?: SearchSort;
  /** Zero-based; defaults to 0. */
  offset?: number;
  /** Page size; defaults to 20, capped at {@link MAX_SEARCH_LIMIT}. */
  limit?: number;
}

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 1000;

export interface SearchHit {
  id: string;
  /** Engine-specific relevance; only comparable within one response. Absent when browsing. */
  score?: number;
  document: SearchDocument;
  /**
   * Snippets of title/summary/description with matched terms wrapped in
   * `<em>`…`</em>` and everything else HTML-escaped, so clients may render
   * them as HTML. Fields without a value are absent.
   */
  highlights: Partial<Record<HighlightField, string>>;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Number of visible documents matching query and filter (exact). */
  totalCount: number;
  /** field → value → number of matching documents carrying that value. */
  facets: Partial<Record<FilterField, Record<string, number>>>;
}

/**
 * The search port: what the hub needs from a full-text engine. Implemented by
 * the embedded engine (default, in-process) and the Meilisearch adapter.
 * Every method is async because one implementation talks over the network.
 */
export interface SearchEngine {
  /** Human-readable implementation name for logs and health output. */
  readonly name: string;

  /**
   * Applies engine settings (searchable/filterable fields, ranking, synonyms,
   * typo tolerance). Idempotent; call once at start-up before indexing.
   */
  configure(): Promise<void>;

  /**
   * Inserts or replaces documents by id. Resolves once the documents are
   * searchable. Throws on ids that are not index-safe.
   */
  index(documents: readonly SearchDocument[]): Promise<void>;

  /** Removes documents by id; unknown ids are ignored. Resolves once applied. */
  remove(ids: readonly string[]): Promise<void>;

  /** Full-text search with filter, facets, sort and pagination. */
  search(query: SearchQuery): Promise<SearchResult>;

  /**
   * Catalogue stamps of indexed documents, so a reconciler can find stale or
   * missing entries. Ids not in the index are absent from the map.
   */
  getStamps(ids: readonly string[]): Promise<Map<string, number>>;

  /** Removes every document (settings are kept). */
  clear(): Promise<void>;

  /** Resolves when the engine answers; throws {@link SearchUnavailableError} otherwise. */
  health(): Promise<void>;

  /** Flushes pending state and releases resources. The engine is unusable afterwards. */
  close(): Promise<void>;
}

/** The engine could not be reached or did not answer in time. */
export class SearchUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SearchUnavailableError';
  }
}

/** A document, query or option the engine refuses. */
export class InvalidSearchRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSearchRequestError';
  }
}
