/**
 * Row 2, the portal list query: a page of 20 and of 100 resources with owning
 * unit, series (their episodes' ids) and the uploaded asset, through the hub,
 * against baseline-server.ts's hand-written raw-driver version of the same
 * reads serialising the same JSON. Reports latency (one request at a time),
 * throughput (a few callers in a closed loop) and MongoDB commands per request on both sides.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BenchChild } from './lib/child';
import type { BenchEnvironment, CatalogueInfo } from './lib/environment';
import {
  drainedClosedLoop,
  keepAliveAgent,
  post,
  sequential,
  type LoadResult,
} from './lib/http-load';
import { fmtLatency, fmtRatio, ratio, type LatencySummary } from './lib/stats';
import { REPO_ROOT } from './lib/system-info';

/** Whether the committed schema has a `Resource.asset` relation (uploads, issue 4). */
export function schemaHasResourceAsset(): boolean {
  const schema = readFileSync(path.join(REPO_ROOT, 'schema.graphql'), 'utf8');
  const block = /\ntype Resource \{([\s\S]*?)\n\}/.exec(schema)?.[1] ?? '';
  return /^\s+asset: Asset\b/m.test(block);
}

/** The portal's list query; baseline-server.ts `listPage` answers it field for field. */
export function listQuery(withAsset: boolean): string {
  return `query PortalList($n: Int!) {
  resources(first: $n) {
    nodes {
      id title kind summary coverUrl updatedAt
      ownerUnit { id code name }
      series { id title episodes { id } }${withAsset ? '\n      asset { id kind mediaType size }' : ''}
    }
    pageInfo { hasNextPage endCursor }
  }
}`;
}

export interface CommandCount {
  total: number;
  /** Queries (`find` and the like) on catalogue and upload data: the page and one per relation batch. */
  queries: number;
  /** Cursor traffic of a large result (`getMore` batches, `killCursors`): grows with the bytes. */
  getMore: number;
  /** Rate-limit bucket (and credential) reads and writes: per request, not per item. */
  bookkeeping: number;
  byCommand: Record<string, number>;
}

export interface ListQueryFigures {
  catalogue: number;
  pageSize: number;
  sameJson: boolean;
  hub: { latency: LatencySummary; load: LoadResult; commands: CommandCount[] };
  baseline: { latency: LatencySummary; load: LoadResult; commands: CommandCount[] };
  latencyRatioP50: number | null;
  latencyRatioP99: number | null;
  throughputRatio: number | null;
}

const BOOKKEEPING = /:(portal_rate_buckets|portal_rate_buckets_claims|credentials)$/;

function classify(byCommand: Record<string, number>): CommandCount {
  const c: CommandCount = { total: 0, queries: 0, getMore: 0, bookkeeping: 0, byCommand };
  for (const [key, n] of Object.entries(byCommand)) {
    c.total += n;
    if (BOOKKEEPING.test(key)) c.bookkeeping += n;
    else if (/^(getMore|killCursors):/.test(key)) c.getMore += n;
    else c.queries += n;
  }
  return c;
}

/** Commands one request issues: reset, one request, read; repeated to show they do not vary. */
async function commandsPerRequest(
  child: BenchChild,
  url: string,
  body: string,
  repeats: number,
): Promise<CommandCount[]> {
  const agent = keepAliveAgent(1);
  const out: CommandCount[] = [];
  try {
    for (let i = 0; i < repeats; i++) {
      await child.request('commands:reset');
      await post(agent, url, body);
      // Stragglers of the request (a fire-and-forget claim delete) land within a tick or two.
      await new Promise((r) => setTimeout(r, 50));
      out.push(classify(await child.request<Record<string, number>>('commands:read')));
    }
  } finally {
    agent.destroy();
  }
  return out;
}

/** Callers in flight for the throughput figure. */
export const LOAD_CONNECTIONS = 4;

const canonical = (buf: Buffer) => JSON.stringify(JSON.parse(buf.toString('utf8')));

export async function runListQueryBenchmark(opts: {
  hub: BenchChild;
  env: BenchEnvironment;
  catalogue: CatalogueInfo;
  quick: boolean;
  withAsset: boolean;
}): Promise<ListQueryFigures[]> {
  const { hub, catalogue, quick, withAsset } = opts;
  const baseline = await BenchChild.start(
    path.join(__dirname, 'baseline-server.js'),
    {
      BENCH_BASELINE: 'list',
      MONGODB_URI: opts.env.mongodbUri,
      MONGODB_DATABASE: catalogue.database,
      BENCH_LIST_ASSET: withAsset ? '1' : '0',
    },
    { timeoutMs: 60_000 },
  );
  const hubUrl = `${hub.url}/graphql`;
  const baseUrl = `${baseline.url}/graphql`;
  const figures: ListQueryFigures[] = [];
  try {
    for (const n of [20, 100]) {
      const body = JSON.stringify({ query: listQuery(withAsset), variables: { n } });
      const agent = keepAliveAgent(1);
      const [h, b] = [await post(agent, hubUrl, body), await post(agent, baseUrl, body)];
      agent.destroy();
      const sameJson = h.status === 200 && canonical(h.body) === canonical(b.body);
      if (!sameJson)
        console.error(
          `list query n=${n}: hub and baseline answers differ\n hub: ${h.body.toString().slice(0, 600)}\n baseline: ${b.body.toString().slice(0, 600)}`,
        );

      const repeats = 3;
      const hubCommands = await commandsPerRequest(hub, hubUrl, body, repeats);
      const baseCommands = await commandsPerRequest(baseline, baseUrl, body, repeats);

      // FerretDB answers a sorted page in seconds: bounded by time as much as by count.
      const seq = { warmup: 2, count: quick ? 100 : 300, maxSeconds: quick ? 12 : 60 };
      const hubSeq = await sequential({ url: hubUrl, body }, seq);
      const baseSeq = await sequential({ url: baseUrl, body }, seq);
      const load = {
        connections: LOAD_CONNECTIONS,
        seconds: quick ? 8 : 30,
        maxRequests: 10_000,
      };
      const hubLoad = await drainedClosedLoop({ url: hubUrl, body }, load);
      const baseLoad = await drainedClosedLoop({ url: baseUrl, body }, load);
      figures.push({
        catalogue: catalogue.resources,
        pageSize: n,
        sameJson,
        hub: { latency: hubSeq.latency, load: hubLoad, commands: hubCommands },
        baseline: { latency: baseSeq.latency, load: baseLoad, commands: baseCommands },
        latencyRatioP50: ratio(hubSeq.latency.p50, baseSeq.latency.p50),
        latencyRatioP99: ratio(hubSeq.latency.p99, baseSeq.latency.p99),
        throughputRatio: ratio(hubLoad.requestsPerSecond, baseLoad.requestsPerSecond),
      });
    }
  } finally {
    await baseline.stop();
  }
  return figures;
}

const loadCell = (l: LoadResult) => {
  const failed = l.non2xx + l.errors + l.bodyErrors;
  return `${l.requestsPerSecond}${failed ? ` (${failed} failed)` : ''}`;
};

const distinct = (xs: number[]) => [...new Set(xs)].join('/');

export const LIST_COLUMNS = [
  'catalogue',
  'page',
  'hub p50 / p95 / p99 ms',
  'raw driver p50 / p95 / p99 ms',
  'p50 ratio',
  'p99 ratio',
  `hub req/s (${LOAD_CONNECTIONS} conn)`,
  `raw req/s (${LOAD_CONNECTIONS} conn)`,
  'req/s ratio',
  'Mongo cmds/req hub: queries + cursor + limiter',
  'raw cmds/req: queries + cursor',
  'same JSON',
];

export function listRows(figures: ListQueryFigures[]): string[][] {
  return figures.map((f) => [
    `${f.catalogue / 1000}k`,
    String(f.pageSize),
    `${fmtLatency(f.hub.latency)} (n=${f.hub.latency.count})`,
    `${fmtLatency(f.baseline.latency)} (n=${f.baseline.latency.count})`,
    fmtRatio(f.latencyRatioP50),
    fmtRatio(f.latencyRatioP99),
    loadCell(f.hub.load),
    loadCell(f.baseline.load),
    fmtRatio(f.throughputRatio),
    `${distinct(f.hub.commands.map((c) => c.queries))} + ${distinct(f.hub.commands.map((c) => c.getMore))} + ${distinct(f.hub.commands.map((c) => c.bookkeeping))}`,
    `${distinct(f.baseline.commands.map((c) => c.queries))} + ${distinct(f.baseline.commands.map((c) => c.getMore))}`,
    f.sameJson ? 'yes' : 'NO',
  ]);
}
