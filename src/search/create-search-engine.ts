import { EmbeddedSearchEngine } from './embedded/embedded-search.adapter';
import { MeilisearchEngine } from './meilisearch/meilisearch.adapter';
import type { SearchEngine } from './search.port';

export interface CreateSearchEngineOptions {
  /** When set, search runs on Meilisearch; otherwise on the embedded engine. */
  meili?: { host: string; apiKey?: string };
  /** Embedded engine only: where its index snapshot lives (in memory only when absent). */
  dataDir?: string;
  /** Meilisearch index uid / embedded snapshot name; default 'learning-resources'. */
  indexName?: string;
}

/** Picks the search adapter from configuration: Meilisearch when configured, else embedded. */
export function createSearchEngine(options: CreateSearchEngineOptions = {}): SearchEngine {
  if (options.meili) {
    return new MeilisearchEngine({ ...options.meili, indexName: options.indexName });
  }
  return new EmbeddedSearchEngine({ dataDir: options.dataDir, indexName: options.indexName });
}
