import MiniSearch, { type SearchResult as MiniSearchResult } from 'minisearch';
import { HIGHLIGHT_FIELDS, type HighlightField, type SearchDocument } from '../search-document';
import { matchesFilter } from '../search-filter';
import {
  SearchUnavailableError,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from '../search.port';
import { ANALYZER_VERSION } from '../text/analyzer-version';
import { highlight, type HighlightTerms } from '../text/highlight';
import { hasHan } from '../text/tokenizer';
import { assertIndexableDocuments, normalizeSearchQuery } from '../validation';
import { countFacets } from './facets';
import { readSnapshot, snapshotPath, writeSnapshot } from './index-snapshot';
import {
  createMiniSearch,
  miniSearchOptions,
  PINYIN_FIELDS,
  toIndexedDocument,
  type IndexedDocument,
} from './minisearch-schema';
import { buildQuery } from './query-builder';
import { rankingContext, relevance } from './ranking';
import { comparatorFor, type Scored } from './sorting';

export interface EmbeddedSearchOptions {
  /**
   * Directory for the index snapshot. Without it the index lives in memory
   * only and is rebuilt from the catalogue at start (see README.md).
   */
  dataDir?: string;
  /** Snapshot file name prefix; lets several indexes share one directory. */
  indexName?: string;
  /** Delay before writes are persisted, batching bursts of upserts. Default 2000 ms. */
  persistDelayMs?: number;
}

const DESCRIPTION_CROP_CHARS = 120;

/**
 * In-process search engine on MiniSearch with the shared Chinese analysis
 * (jieba words, Traditional folding, pinyin fields, synonyms). The default
 * when no Meilisearch is configured. Filters, facets and sorting run over the
 * engine's full result set, before pagination.
 */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = 'embedded (MiniSearch)';
  private readonly documents = new Map<string, SearchDocument>();
  private miniSearch: MiniSearch<IndexedDocument> = createMiniSearch();
  private readonly snapshotFile?: string;
  private readonly persistDelayMs: number;
  private loading?: Promise<void>;
  private persistTimer?: NodeJS.Timeout;
  private persisting: Promise<void> = Promise.resolve();
  private dirty = false;
  private closed = false;

  constructor(options: EmbeddedSearchOptions = {}) {
    if (options.dataDir) {
      this.snapshotFile = snapshotPath(options.dataDir, options.indexName ?? 'learning-resources');
    }
    this.persistDelayMs = options.persistDelayMs ?? 2000;
  }

  async configure(): Promise<void> {
    // Settings are code here; configuring means loading any persisted index.
    await this.ready();
  }

  async index(documents: readonly SearchDocument[]): Promise<void> {
    await this.ready();
    assertIndexableDocuments(documents);
    // Last write wins within a batch, like Meilisearch's addDocuments.
    const latest = new Map(documents.map((d) => [d.id, d]));
    const fresh: IndexedDocument[] = [];
    for (const doc of latest.values()) {
      if (this.documents.has(doc.id)) this.miniSearch.discard(doc.id);
      this.documents.set(doc.id, structuredClone(doc));
      fresh.push(toIndexedDocument(doc));
    }
    this.miniSearch.addAll(fresh);
    this.schedulePersist();
  }

  async remove(ids: readonly string[]): Promise<void> {
    await this.ready();
    for (const id of ids) {
      if (!this.documents.delete(id)) continue;
      this.miniSearch.discard(id);
    }
    this.schedulePersist();
  }

  async clear(): Promise<void> {
    await this.ready();
    this.documents.clear();
    this.miniSearch = createMiniSearch();
    this.schedulePersist();
  }

  async getStamps(ids: readonly string[]): Promise<Map<string, number>> {
    await this.ready();
    const stamps = new Map<string, number>();
    for (const id of ids) {
      const doc = this.documents.get(id);
      if (doc) stamps.set(id, doc.stamp);
    }
    return stamps;
  }

  async health(): Promise<void> {
    if (this.closed) throw new SearchUnavailableError('Embedded search engine is closed');
    await this.ready();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.ready();
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = undefined;
    await this.persistNow();
    this.closed = true;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    await this.ready();
    const q = normalizeSearchQuery(query);
    const filter = q.filter;
    const visible = (doc: SearchDocument | undefined): doc is SearchDocument =>
      doc !== undefined && (!filter || matchesFilter(filter, doc));

    const built = q.query ? buildQuery(q.query) : undefined;
    let matches: Scored[];
    let raw = new Map<string, MiniSearchResult>();
    if (!built) {
      // No query text (or only punctuation): browse everything visible.
      matches = q.query
        ? []
        : Array.from(this.documents.values(), (doc) => ({ doc, score: 0 })).filter((m) =>
            visible(m.doc),
          );
    } else {
      // The visibility rule is part of `filter` and is applied here, inside
      // the engine, so totals and facets never count hidden documents.
      const results = this.miniSearch.search(built.tree, {
        filter: (r) => visible(this.documents.get(r.id as string)),
      });
      raw = new Map(results.map((r) => [r.id as string, r]));
      const ctx = rankingContext(built.tokens, q.query);
      matches = results.map((r) => {
        const doc = this.documents.get(r.id as string) as SearchDocument;
        return { doc, score: relevance(r, doc, ctx) };
      });
    }

    matches.sort(comparatorFor(q.sort));
    const page = matches.slice(q.offset, q.offset + q.limit);
    const hits: SearchHit[] = page.map(({ doc, score }) => ({
      id: doc.id,
      ...(built ? { score } : {}),
      document: structuredClone(doc),
      highlights: highlightsFor(
        doc,
        built ? highlightTerms(built.tokens, raw.get(doc.id)) : undefined,
      ),
    }));
    return {
      hits,
      totalCount: matches.length,
      facets: countFacets(
        matches.map((m) => m.doc),
        q.facets,
      ),
    };
  }

  private ready(): Promise<void> {
    if (this.closed)
      return Promise.reject(new SearchUnavailableError('Embedded search engine is closed'));
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<void> {
    if (!this.snapshotFile) return;
    const snapshot = await readSnapshot(this.snapshotFile);
    if (!snapshot) return;
    for (const doc of snapshot.documents) this.documents.set(doc.id, doc);
    if (snapshot.analyzer === ANALYZER_VERSION) {
      this.miniSearch = MiniSearch.loadJS(snapshot.index, miniSearchOptions());
    } else {
      // Tokens from another analyzer version would silently miss; re-tokenise.
      this.miniSearch = createMiniSearch();
      this.miniSearch.addAll(snapshot.documents.map(toIndexedDocument));
      this.dirty = true;
      this.schedulePersist();
    }
  }

  private schedulePersist(): void {
    if (!this.snapshotFile) return;
    this.dirty = true;
    if (this.persistTimer) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = undefined;
      void this.persistNow().catch((err: unknown) => {
        // A failed write leaves the index usable; the next write retries.
        console.error('[search] persisting the embedded index failed', err);
        this.dirty = true;
      });
    }, this.persistDelayMs);
    this.persistTimer.unref();
  }

  private persistNow(): Promise<void> {
    const file = this.snapshotFile;
    if (!file || !this.dirty) return this.persisting;
    this.dirty = false;
    // Snapshot synchronously, write asynchronously, one write at a time.
    const snapshot = {
      format: 1 as const,
      analyzer: ANALYZER_VERSION,
      documents: Array.from(this.documents.values()),
      index: this.miniSearch.toJSON(),
    };
    this.persisting = this.persisting.then(() => writeSnapshot(file, snapshot));
    return this.persisting;
  }
}

/**
 * Literal terms are the document terms MiniSearch matched in text fields
 * (so typo-corrected words light up as stored); pinyin terms are the typed
 * Latin words plus document terms matched in the pinyin fields.
 */
function highlightTerms(
  queryTokens: string[],
  result: MiniSearchResult | undefined,
): HighlightTerms {
  const literal = new Set<string>(queryTokens.filter(hasHan));
  const pinyin = new Set<string>(queryTokens.filter((t) => !hasHan(t)));
  for (const [term, fields] of Object.entries(result?.match ?? {})) {
    if (fields.some((f) => !PINYIN_FIELDS.has(f))) literal.add(term);
    if (fields.some((f) => PINYIN_FIELDS.has(f)) && !queryTokens.some((t) => term.startsWith(t))) {
      pinyin.add(term);
    }
  }
  return { literal: Array.from(literal), pinyin: Array.from(pinyin), prefix: true };
}

function highlightsFor(
  doc: SearchDocument,
  terms: HighlightTerms | undefined,
): SearchHit['highlights'] {
  const none: HighlightTerms = { literal: [], pinyin: [], prefix: false };
  const out: Partial<Record<HighlightField, string>> = {};
  for (const field of HIGHLIGHT_FIELDS) {
    const text = doc[field];
    if (!text) continue;
    out[field] = highlight(text, terms ?? none, {
      cropLength: field === 'description' ? DESCRIPTION_CROP_CHARS : undefined,
    });
  }
  return out;
}
