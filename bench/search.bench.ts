/**
 * Search benchmark: indexes 10k and 100k synthetic resources (fixed seed) and
 * reports indexing time, query latency (p50/p95 over 20 representative
 * Chinese and pinyin queries with the visibility filter and facets, as the hub
 * issues them), memory, and for the embedded engine the cost of persisting and
 * reloading its snapshot versus rebuilding. Meilisearch is measured too when
 * MEILI_HOST is set. Build with the project's tsc, then:
 *   node --expose-gc dist/bench/search.bench.js [--quick]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedSearchEngine } from '../src/search/embedded/embedded-search.adapter';
import { MeilisearchEngine } from '../src/search/meilisearch/meilisearch.adapter';
import { Filters } from '../src/search/search-filter';
import type { SearchEngine } from '../src/search/search.port';
import { BENCH_QUERIES, percentile, syntheticCatalogue } from './search-synthetic';

export interface SearchBenchRow {
  engine: string;
  docs: number;
  indexMs: number;
  queryP50Ms: number;
  queryP95Ms: number;
  heapDeltaMb: number;
  rssDeltaMb: number;
  /** Embedded only: writing the snapshot to disk. */
  persistMs?: number;
  snapshotMb?: number;
  /** Embedded only: starting from the snapshot until the first answer. */
  reloadMs?: number;
}

export interface SearchBenchResult {
  rows: SearchBenchRow[];
  markdown: string;
}

// What the hub sends for a viewer in a county unit: visibility rule plus facets.
const VISIBILITY = Filters.or(
  Filters.and(Filters.eq('visibility', 'PUBLIC'), Filters.eq('status', 'PUBLISHED')),
  Filters.and(Filters.eq('visibility', 'PROVINCE'), Filters.eq('status', 'PUBLISHED')),
  Filters.eq('ownerPath', 'u-140100-3'),
);
const FACETS = ['kind', 'categories', 'cityCode'] as const;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const ms = (n: number) => Math.round(n * 100) / 100;

async function measureQueries(
  engine: SearchEngine,
  rounds: number,
): Promise<{ p50: number; p95: number }> {
  for (const q of BENCH_QUERIES)
    await engine.search({ query: q, filter: VISIBILITY, facets: [...FACETS] });
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of BENCH_QUERIES) {
      const t = performance.now();
      await engine.search({ query: q, filter: VISIBILITY, facets: [...FACETS], limit: 20 });
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: ms(percentile(times, 50)), p95: ms(percentile(times, 95)) };
}

async function benchEngine(
  label: string,
  docsCount: number,
  make: (dataDir: string) => SearchEngine,
  options: { persist: boolean; rounds: number },
): Promise<SearchBenchRow> {
  const docs = syntheticCatalogue(docsCount);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'search-bench-'));
  try {
    gc();
    const before = process.memoryUsage();
    const engine = make(dataDir);
    await engine.configure();
    await engine.clear();
    const t0 = performance.now();
    for (let i = 0; i < docs.length; i += 5000) await engine.index(docs.slice(i, i + 5000));
    const indexMs = performance.now() - t0;
    const { p50, p95 } = await measureQueries(engine, options.rounds);
    gc();
    const after = process.memoryUsage();
    const row: SearchBenchRow = {
      engine: label,
      docs: docsCount,
      indexMs: Math.round(indexMs),
      queryP50Ms: p50,
      queryP95Ms: p95,
      heapDeltaMb: mb(after.heapUsed - before.heapUsed),
      rssDeltaMb: mb(after.rss - before.rss),
    };
    if (options.persist) {
      const t1 = performance.now();
      await engine.close();
      row.persistMs = Math.round(performance.now() - t1);
      row.snapshotMb = mb(
        statSync(path.join(dataDir, 'learning-resources.search-index.json')).size,
      );
      const t2 = performance.now();
      const reloaded = make(dataDir);
      await reloaded.search({ query: '晋商', filter: VISIBILITY });
      row.reloadMs = Math.round(performance.now() - t2);
      await reloaded.close();
    } else {
      await engine.clear();
      await engine.close();
    }
    return row;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function toMarkdown(rows: SearchBenchRow[]): string {
  const lines = [
    '| engine | docs | index ms | query p50 ms | query p95 ms | heap Δ MB | RSS Δ MB | persist ms | snapshot MB | reload ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const opt = (v: number | undefined) => (v === undefined ? '–' : String(v));
    lines.push(
      `| ${r.engine} | ${r.docs} | ${r.indexMs} | ${r.queryP50Ms} | ${r.queryP95Ms} | ${r.heapDeltaMb} | ${r.rssDeltaMb} | ${opt(r.persistMs)} | ${opt(r.snapshotMb)} | ${opt(r.reloadMs)} |`,
    );
  }
  return lines.join('\n');
}

/** Runs the benchmark; `quick` indexes 2k and 10k instead of 10k and 100k. */
export async function runSearchBenchmark(
  options: { quick?: boolean } = {},
): Promise<SearchBenchResult> {
  const sizes = options.quick ? [2_000, 10_000] : [10_000, 100_000];
  const rounds = options.quick ? 2 : 5;
  const rows: SearchBenchRow[] = [];
  for (const size of sizes) {
    rows.push(
      await benchEngine(
        'embedded (MiniSearch)',
        size,
        (dataDir) => new EmbeddedSearchEngine({ dataDir }),
        {
          persist: true,
          rounds,
        },
      ),
    );
    const host = process.env.MEILI_HOST;
    if (host) {
      rows.push(
        await benchEngine(
          'meilisearch',
          size,
          () =>
            new MeilisearchEngine({
              host,
              apiKey: process.env.MEILI_API_KEY,
              indexName: `bench-${process.pid}`,
            }),
          { persist: false, rounds },
        ),
      );
    }
  }
  return { rows, markdown: toMarkdown(rows) };
}

if (require.main === module) {
  runSearchBenchmark({ quick: process.argv.includes('--quick') }).then(
    (result) => {
      console.log(result.markdown);
      if (!process.env.MEILI_HOST)
        console.log('\n(Meilisearch not measured: MEILI_HOST is not set.)');
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
