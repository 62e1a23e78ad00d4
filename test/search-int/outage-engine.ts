import type { SearchDocument } from '../../src/search/search-document';
import {
  SearchUnavailableError,
  type SearchEngine,
  type SearchQuery,
  type SearchResult,
} from '../../src/search/search.port';

/**
 * Test-only decorator: forwards every call to a real engine, except while
 * `down`, when each call fails the way an unreachable engine does
 * (SearchUnavailableError) without reaching it. Nothing about the engine's
 * behaviour is faked; only its reachability is switched.
 */
export class OutageEngine implements SearchEngine {
  readonly name: string;
  down = false;
  /** Calls refused while down, by method. */
  readonly refused: Record<string, number> = {};

  constructor(private readonly real: SearchEngine) {
    this.name = `${real.name} (behind outage switch)`;
  }

  private guard<T>(method: string, call: () => Promise<T>): Promise<T> {
    if (!this.down) return call();
    this.refused[method] = (this.refused[method] ?? 0) + 1;
    return Promise.reject(new SearchUnavailableError(`search engine unreachable (${method})`));
  }

  configure(): Promise<void> {
    return this.guard('configure', () => this.real.configure());
  }
  index(documents: readonly SearchDocument[]): Promise<void> {
    return this.guard('index', () => this.real.index(documents));
  }
  remove(ids: readonly string[]): Promise<void> {
    return this.guard('remove', () => this.real.remove(ids));
  }
  search(query: SearchQuery): Promise<SearchResult> {
    return this.guard('search', () => this.real.search(query));
  }
  getStamps(ids: readonly string[]): Promise<Map<string, number>> {
    return this.guard('getStamps', () => this.real.getStamps(ids));
  }
  clear(): Promise<void> {
    return this.guard('clear', () => this.real.clear());
  }
  health(): Promise<void> {
    return this.guard('health', () => this.real.health());
  }
  /** The hub closes the real engine itself. */
  async close(): Promise<void> {}
}
