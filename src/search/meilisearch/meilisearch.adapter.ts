import type { Index, Meilisearch, SearchParams, Task } from 'meilisearch/dist/index';
import { HIGHLIGHT_FIELDS, type SearchDocument } from '../search-document';
import type { FilterField } from '../search-filter';
import {
  SearchUnavailableError,
  type SearchEngine,
  type SearchQuery,
  type SearchResult,
  type SearchSort,
} from '../search.port';
import { toSimplified } from '../text/normalize';
import { assertIndexableDocuments, normalizeSearchQuery } from '../validation';
import { createMeiliClient, loadMeilisearch } from './meili-client';
import { fromMeiliHit, toMeiliDocument, type MeiliDocument } from './meili-documents';
import { quoteFilterValue, toMeiliFilter } from './meili-filter';
import {
  highlightTermsForQuery,
  meiliHighlights,
  MEILI_POST_TAG,
  MEILI_PRE_TAG,
} from './meili-highlight';
import { toPageWindow } from './meili-pagination';
import { buildMeiliSettings } from './meili-settings';

export interface MeilisearchEngineOptions {
  host: string;
  apiKey?: string;
  /** Index uid; default 'learning-resources'. */
  indexName?: string;
  /** Per HTTP request; default 10 s. */
  requestTimeoutMs?: number;
  /** How long to wait for an indexing task; default 120 s (settings changes re-index everything). */
  taskTimeoutMs?: number;
  /** Documents per addDocuments call; default 1000 (keeps payloads at a few MB). */
  batchSize?: number;
}

const STAMP_LOOKUP_CHUNK = 500;

/**
 * Search port on Meilisearch (≥ 1.12: uses `localizedAttributes`, `locales`
 * and filtered document fetches). Chinese is segmented by Meilisearch's own
 * jieba; pinyin, initials and Traditional folding come from the shared
 * derived fields, and queries are folded to Simplified before sending.
 * Every write waits for its task, so a resolved call means "searchable now".
 */
export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  private readonly client: Meilisearch;
  private readonly meiliIndex: Index<MeiliDocument>;
  private readonly indexName: string;
  private readonly taskTimeoutMs: number;
  private readonly batchSize: number;
  private closed = false;

  constructor(options: MeilisearchEngineOptions) {
    this.indexName = options.indexName ?? 'learning-resources';
    this.client = createMeiliClient({
      host: options.host,
      apiKey: options.apiKey,
      timeoutMs: options.requestTimeoutMs ?? 10_000,
    });
    this.meiliIndex = this.client.index<MeiliDocument>(this.indexName);
    this.taskTimeoutMs = options.taskTimeoutMs ?? 120_000;
    this.batchSize = options.batchSize ?? 1000;
  }

  async configure(): Promise<void> {
    await this.call(async () => {
      const created = await this.client
        .createIndex(this.indexName, { primaryKey: 'id' })
        .waitTask(this.wait());
      if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists') {
        assertSucceeded(created, `create index ${this.indexName}`);
      }
      assertSucceeded(
        await this.meiliIndex.updateSettings(buildMeiliSettings()).waitTask(this.wait()),
        'update settings',
      );
    });
  }

  async index(documents: readonly SearchDocument[]): Promise<void> {
    assertIndexableDocuments(documents);
    if (documents.length === 0) return;
    await this.call(async () => {
      // Enqueue every batch first (Meilisearch merges consecutive additions
      // into one indexing run), then wait for all of them.
      const enqueued: number[] = [];
      for (let i = 0; i < documents.length; i += this.batchSize) {
        const batch = documents.slice(i, i + this.batchSize).map(toMeiliDocument);
        enqueued.push((await this.meiliIndex.addDocuments(batch, { primaryKey: 'id' })).taskUid);
      }
      for (const uid of enqueued) {
        assertSucceeded(await this.client.tasks.waitForTask(uid, this.wait()), 'add documents');
      }
    });
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.call(async () => {
      const task = await this.meiliIndex.deleteDocuments([...ids]).waitTask(this.wait());
      if (task.error?.code === 'index_not_found') return;
      assertSucceeded(task, 'delete documents');
    });
  }

  async clear(): Promise<void> {
    await this.call(async () => {
      const task = await this.meiliIndex.deleteAllDocuments().waitTask(this.wait());
      if (task.error?.code === 'index_not_found') return;
      assertSucceeded(task, 'delete all documents');
    });
  }

  async getStamps(ids: readonly string[]): Promise<Map<string, number>> {
    const stamps = new Map<string, number>();
    await this.call(async () => {
      for (let i = 0; i < ids.length; i += STAMP_LOOKUP_CHUNK) {
        const chunk = ids.slice(i, i + STAMP_LOOKUP_CHUNK);
        const page = await this.meiliIndex.getDocuments({
          filter: `id IN [${chunk.map(quoteFilterValue).join(', ')}]`,
          fields: ['id', 'stamp'],
          limit: chunk.length,
        });
        for (const doc of page.results) stamps.set(String(doc.id), Number(doc.stamp));
      }
    });
    return stamps;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const q = normalizeSearchQuery(query);
    const window = toPageWindow(q.offset, q.limit);
    const text = q.query ? toSimplified(q.query.normalize('NFKC')) : '';
    const params: SearchParams = {
      filter: toMeiliFilter(q.filter),
      facets: q.facets.length > 0 ? [...q.facets] : undefined,
      sort: sortParam(q.sort),
      page: window.page,
      hitsPerPage: window.hitsPerPage,
      matchingStrategy: 'all',
      showRankingScore: true,
      attributesToHighlight: [...HIGHLIGHT_FIELDS],
      highlightPreTag: MEILI_PRE_TAG,
      highlightPostTag: MEILI_POST_TAG,
      locales: ['cmn'],
    };
    const response = await this.call(() => this.meiliIndex.search(text, params));
    const terms = text ? highlightTermsForQuery(text) : undefined;
    const hits = response.hits.slice(window.skip, window.skip + window.take).map((hit) => {
      const document = fromMeiliHit(hit as unknown as Record<string, unknown>);
      return {
        id: document.id,
        ...(text && hit._rankingScore !== undefined ? { score: hit._rankingScore } : {}),
        document,
        highlights: meiliHighlights(
          document,
          hit._formatted as Record<string, unknown> | undefined,
          terms,
        ),
      };
    });
    const facets: SearchResult['facets'] = {};
    for (const field of q.facets) {
      facets[field as FilterField] = { ...(response.facetDistribution?.[field] ?? {}) };
    }
    // Page mode (always used above) reports an exact totalHits.
    const totalCount =
      'totalHits' in response && typeof response.totalHits === 'number' ? response.totalHits : 0;
    return { hits, totalCount, facets };
  }

  async health(): Promise<void> {
    if (this.closed) throw new SearchUnavailableError('Meilisearch engine is closed');
    await this.call(() => this.client.health());
  }

  async close(): Promise<void> {
    // The client is stateless HTTP (fetch); nothing to release beyond refusing further use.
    this.closed = true;
  }

  private wait(): { timeout: number; interval: number } {
    return { timeout: this.taskTimeoutMs, interval: 50 };
  }

  /** Runs a client call, turning transport failures into SearchUnavailableError. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) throw new SearchUnavailableError('Meilisearch engine is closed');
    try {
      return await fn();
    } catch (err) {
      const m = loadMeilisearch();
      if (
        err instanceof m.MeilisearchRequestError ||
        err instanceof m.MeilisearchRequestTimeOutError ||
        err instanceof m.MeilisearchTaskTimeOutError
      ) {
        throw new SearchUnavailableError(`Meilisearch unavailable: ${(err as Error).message}`, {
          cause: err,
        });
      }
      throw err;
    }
  }
}

function sortParam(sort: SearchSort): string[] | undefined {
  switch (sort) {
    case 'RELEVANCE':
      return undefined;
    case 'NEWEST':
      return ['updatedAt:desc'];
    case 'MOST_ADOPTED':
      return ['adoptionCount:desc', 'updatedAt:desc'];
  }
}

function assertSucceeded(task: Task, what: string): void {
  if (task.status !== 'succeeded') {
    const reason = task.error ? `${task.error.code}: ${task.error.message}` : task.status;
    throw new Error(`Meilisearch task ${task.uid} (${what}) did not succeed: ${reason}`);
  }
}
