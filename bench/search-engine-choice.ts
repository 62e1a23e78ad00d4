/**
 * Measures MiniSearch, Orama and FlexSearch on the same synthetic Chinese
 * catalogue with the same jieba-based analysis, to choose the embedded
 * engine. Build with the project's tsc, then:
 *   node --expose-gc dist/bench/search-engine-choice.js [--docs 10000]
 * Results are recorded in src/search/embedded/README.md.
 */
import { create, insertMultiple, search as oramaSearch, type AnyOrama } from '@orama/orama';
import { Document as FlexDocument } from 'flexsearch';
import MiniSearch from 'minisearch';
import type { SearchDocument } from '../src/search/search-document';
import { buildSearchFields } from '../src/search/text/search-fields';
import { indexTokens, queryTokens } from '../src/search/text/tokenizer';
import { BENCH_QUERIES, percentile, syntheticCatalogue } from './search-synthetic';

interface Candidate {
  name: string;
  build(docs: FlatDoc[]): Promise<unknown>;
  query(index: unknown, q: string): Promise<number>;
}

type FlatDoc = {
  id: string;
  title: string;
  summary: string;
  description: string;
  keywords: string;
  _pinyin: string;
  _initials: string;
  kind: string;
};

const FIELDS = ['title', 'keywords', '_pinyin', '_initials', 'summary', 'description'] as const;
const BOOST = { title: 10, keywords: 5, _pinyin: 4, _initials: 3, summary: 2, description: 1 };

const candidates: Candidate[] = [
  {
    name: 'minisearch 7.2',
    async build(docs) {
      const ms = new MiniSearch<FlatDoc>({
        fields: [...FIELDS],
        tokenize: indexTokens,
        processTerm: (t) => t,
        searchOptions: {
          tokenize: queryTokens,
          processTerm: (t) => t,
          boost: BOOST,
          prefix: true,
          fuzzy: 0.2,
        },
      });
      ms.addAll(docs);
      return ms;
    },
    async query(index, q) {
      return (index as MiniSearch<FlatDoc>).search(q, { combineWith: 'AND' }).length;
    },
  },
  {
    name: '@orama/orama 3.1',
    async build(docs) {
      const db = create({
        schema: {
          title: 'string',
          keywords: 'string',
          _pinyin: 'string',
          _initials: 'string',
          summary: 'string',
          description: 'string',
          kind: 'enum',
        } as const,
        components: {
          tokenizer: {
            language: 'english',
            normalizationCache: new Map(),
            tokenize: (raw: string) => indexTokens(raw),
          },
        },
      });
      await insertMultiple(db, docs, 1000);
      return db;
    },
    async query(index, q) {
      const res = await oramaSearch(index as AnyOrama, {
        term: q,
        properties: [...FIELDS],
        boost: BOOST,
        tolerance: 1,
        threshold: 0,
        limit: 10000,
      });
      return res.count;
    },
  },
  {
    name: 'flexsearch 0.8',
    async build(docs) {
      const index = new FlexDocument<FlatDoc>({
        document: { id: 'id', index: [...FIELDS] },
        tokenize: 'strict',
        encode: indexTokens,
      });
      for (const d of docs) index.add(d);
      return index;
    },
    async query(index, q) {
      const res = (index as FlexDocument<FlatDoc>).search(q, { limit: 10000, suggest: false });
      const ids = new Set<unknown>();
      for (const field of res as { result: unknown[] }[])
        for (const id of field.result) ids.add(id);
      return ids.size;
    },
  },
];

function flatten(doc: SearchDocument): FlatDoc {
  const derived = buildSearchFields(doc);
  return {
    id: doc.id,
    title: doc.title,
    summary: doc.summary ?? '',
    description: doc.description ?? '',
    keywords: doc.keywords.join(' '),
    _pinyin: derived._pinyin,
    _initials: derived._initials,
    kind: doc.kind ?? '',
  };
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export interface EngineChoiceRow {
  engine: string;
  docs: number;
  indexMs: number;
  heapMb: number;
  p50Ms: number;
  p95Ms: number;
  hitsForJinju: number;
  /** One transposition typo (jinshnag → jinshang): 0 means no typo tolerance. */
  hitsForTypo: number;
}

export async function compareEngines(docCount = 10_000, only?: string): Promise<EngineChoiceRow[]> {
  // Analysis (jieba + pinyin) is shared by every candidate, so it is done once
  // up front and the numbers compare the engines, not the tokenizer cache.
  const docs = syntheticCatalogue(docCount).map(flatten);
  for (const d of docs.slice(0, 500)) indexTokens(`${d.title} ${d.summary}`);
  const rows: EngineChoiceRow[] = [];
  for (const candidate of candidates.filter((c) => !only || c.name === only)) {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const index = await candidate.build(docs);
    const indexMs = performance.now() - t0;
    gc();
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
    for (const q of BENCH_QUERIES) await candidate.query(index, q); // warm-up
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const q of BENCH_QUERIES) {
        const s = performance.now();
        await candidate.query(index, q);
        times.push(performance.now() - s);
      }
    }
    times.sort((a, b) => a - b);
    rows.push({
      engine: candidate.name,
      docs: docCount,
      indexMs: Math.round(indexMs),
      heapMb: Math.round(heapMb * 10) / 10,
      p50Ms: Math.round(percentile(times, 50) * 100) / 100,
      p95Ms: Math.round(percentile(times, 95) * 100) / 100,
      hitsForJinju: await candidate.query(index, 'jinju'),
      hitsForTypo: await candidate.query(index, 'jinshnag'),
    });
  }
  return rows;
}

/**
 * Runs each candidate in its own process so heap figures are not skewed by
 * what the previous candidate left behind.
 */
export function compareEnginesIsolated(docCount: number): EngineChoiceRow[] {
  const { execFileSync } = process.getBuiltinModule('node:child_process');
  return candidates.map((c) => {
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', __filename, '--docs', String(docCount), '--engine', c.name],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    return JSON.parse(out.trim().split('\n').pop() as string) as EngineChoiceRow;
  });
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const count = Number(argValue('--docs') ?? 10_000);
  const engine = argValue('--engine');
  if (engine) {
    void compareEngines(count, engine).then((rows) => console.log(JSON.stringify(rows[0])));
  } else {
    const rows = compareEnginesIsolated(count);
    console.log(
      '| engine | docs | index ms | heap MB | query p50 ms | query p95 ms | hits "jinju" | hits "jinshnag" |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(
        `| ${r.engine} | ${r.docs} | ${r.indexMs} | ${r.heapMb} | ${r.p50Ms} | ${r.p95Ms} | ${r.hitsForJinju} | ${r.hitsForTypo} |`,
      );
    }
  }
}
