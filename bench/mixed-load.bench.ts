/**
 * Row 5, mixed load held: 60% list, 25% detail, 15% search at a fixed offered
 * rate (open loop: requests leave on schedule whether or not earlier ones
 * have answered, and latency counts from the scheduled time, so a stalled hub
 * cannot hide behind a waiting client). Baseline: the same mix sent one at a
 * time to the same hub just before, unloaded. Every answer is checked for
 * status 200 and the absence of GraphQL `errors`.
 */
import { CATEGORIES, RESOURCE_KINDS } from '../src/models/catalogue/vocabulary';
import { seededRandom } from '../src/demo/synthetic-catalogue';
import { toGlobalId } from '../src/graphql/global-id';
import type { BenchChild } from './lib/child';
import type { CatalogueInfo } from './lib/environment';
import { hasGraphqlErrors, keepAliveAgent, post } from './lib/http-load';
import {
  fmtLatency,
  fmtRatio,
  mib,
  ratio,
  round,
  summarize,
  type LatencySummary,
} from './lib/stats';
import { BENCH_QUERIES } from './search-synthetic';

type Kind = 'list' | 'detail' | 'search';
const KINDS: Kind[] = ['list', 'detail', 'search'];

const assetSelection = (withAsset: boolean) =>
  withAsset ? '\n      asset { id kind mediaType size }' : '';

function queries(withAsset: boolean, withSearch: boolean): Record<Kind, string> {
  return {
    list: `query MixList($f: ResourceFilterInput) {
  resources(first: 20, filter: $f) {
    nodes {
      id title kind summary coverUrl updatedAt
      ownerUnit { id code name }
      series { id title episodes { id } }${assetSelection(withAsset)}
    }
    pageInfo { hasNextPage endCursor }
  }
}`,
    detail: `query MixDetail($id: ID!) {
  resource(id: $id) {
    id title summary description keywords categories audiences license durationSeconds updatedAt
    ownerUnit { id name parent { name } }
    series { id title episodes { id title } }${assetSelection(withAsset)}
  }
}`,
    search: withSearch
      ? `query MixSearch($q: String!) {
  search(query: $q, first: 20, facets: [KIND, CATEGORY, CITY]) {
    totalCount
    hits { score item { ... on Resource { id title } ... on Series { id title } } }
    facets { field values { value label count } }
  }
}`
      : // Without a search query in the schema: a filtered list stands in for it.
        `query MixSearchSubstitute($f: ResourceFilterInput) {
  resources(first: 20, filter: $f) { totalCount nodes { id title } }
}`,
  };
}

export function schemaHasSearch(schemaText: string): boolean {
  const block = /\ntype Query \{([\s\S]*?)\n\}/.exec(schemaText)?.[1] ?? '';
  return /^\s+search\(/m.test(block);
}

interface PlannedRequest {
  kind: Kind;
  body: string;
}

/** A fixed-seed sequence of requests: same mix, same arguments, every run. */
function plan(
  count: number,
  seed: number,
  catalogue: CatalogueInfo,
  withAsset: boolean,
  withSearch: boolean,
): PlannedRequest[] {
  const random = seededRandom(seed);
  const q = queries(withAsset, withSearch);
  const categories = Object.keys(CATEGORIES);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const out: PlannedRequest[] = [];
  for (let i = 0; i < count; i++) {
    const x = random();
    const kind: Kind = x < 0.6 ? 'list' : x < 0.85 ? 'detail' : 'search';
    let variables: Record<string, unknown>;
    if (kind === 'list') {
      const y = random();
      variables = {
        f:
          y < 0.5
            ? {}
            : y < 0.75
              ? { categories: [pick(categories)] }
              : { kinds: [pick(RESOURCE_KINDS)] },
      };
    } else if (kind === 'detail') {
      variables = { id: toGlobalId('Resource', pick(catalogue.sampleIds)) };
    } else {
      variables = withSearch
        ? { q: pick(BENCH_QUERIES) }
        : { f: { categories: [pick(categories)] } };
    }
    out.push({ kind, body: JSON.stringify({ query: q[kind], variables }) });
  }
  return out;
}

export interface MixedLoadFigures {
  catalogue: number;
  offeredRate: number;
  seconds: number;
  warmupSeconds: number;
  sent: number;
  completed: number;
  achievedRate: number;
  /** Requests not sent because too many were already waiting (the hub fell behind). */
  shed: number;
  errors: number;
  errorSamples: string[];
  loaded: Record<Kind | 'all', LatencySummary>;
  unloaded: Record<Kind | 'all', LatencySummary>;
  rss: { startBytes: number; endBytes: number; peakBytes: number; samples: number[] };
  searchSubstituted: boolean;
}

const MAX_IN_FLIGHT = 1000;

interface Outcome {
  kind: Kind;
  ms: number;
  ok: boolean;
  error?: string;
}

/**
 * Sends `requests` at `rate` per second, on schedule. Returns each outcome
 * (latency from the scheduled send time) and how many were shed.
 */
async function paced(
  url: string,
  requests: PlannedRequest[],
  rate: number,
  onTick?: () => void,
): Promise<{ outcomes: Outcome[]; shed: number; elapsedSeconds: number }> {
  const agent = keepAliveAgent(64);
  const outcomes: Outcome[] = [];
  const inFlight = new Set<Promise<void>>();
  let shed = 0;
  const t0 = performance.now();
  let lastTick = t0;
  try {
    for (let i = 0; i < requests.length; i++) {
      const due = t0 + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      if (onTick && performance.now() - lastTick >= 1000) {
        lastTick = performance.now();
        onTick();
      }
      if (inFlight.size >= MAX_IN_FLIGHT) {
        shed++;
        continue;
      }
      const { kind, body } = requests[i];
      const p: Promise<void> = post(agent, url, body).then(
        (res) => {
          const text = res.body.toString('utf8');
          const ok = res.status === 200 && !hasGraphqlErrors(text);
          outcomes.push({
            kind,
            ms: performance.now() - due,
            ok,
            error: ok ? undefined : `${kind} ${res.status}: ${text.slice(0, 200)}`,
          });
        },
        (err: unknown) => {
          outcomes.push({
            kind,
            ms: performance.now() - due,
            ok: false,
            error: `${kind}: ${String(err)}`,
          });
        },
      );
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    const elapsedSeconds = (performance.now() - t0) / 1000;
    // Drain, bounded: whatever is still out after 60 s counts as failed.
    await Promise.race([Promise.all([...inFlight]), new Promise((r) => setTimeout(r, 60_000))]);
    for (let k = outcomes.length; k < requests.length - shed; k++)
      outcomes.push({
        kind: 'list',
        ms: 60_000,
        ok: false,
        error: 'no answer within 60 s after the run',
      });
    return { outcomes, shed, elapsedSeconds };
  } finally {
    agent.destroy();
  }
}

function byKind(outcomes: Outcome[]): Record<Kind | 'all', LatencySummary> {
  const ok = outcomes.filter((o) => o.ok);
  return {
    all: summarize(ok.map((o) => o.ms)),
    list: summarize(ok.filter((o) => o.kind === 'list').map((o) => o.ms)),
    detail: summarize(ok.filter((o) => o.kind === 'detail').map((o) => o.ms)),
    search: summarize(ok.filter((o) => o.kind === 'search').map((o) => o.ms)),
  };
}

export async function runMixedLoadBenchmark(opts: {
  hub: BenchChild;
  catalogue: CatalogueInfo;
  quick: boolean;
  rate: number;
  withAsset: boolean;
  withSearch: boolean;
  seed: number;
}): Promise<MixedLoadFigures> {
  const { hub, rate } = opts;
  const url = `${hub.url}/graphql`;
  const seconds = opts.quick ? 15 : 60;
  const warmupSeconds = opts.quick ? 5 : 15;

  // Unloaded reference: the same mix, one request at a time.
  const reference = plan(
    opts.quick ? 90 : 300,
    opts.seed + 7,
    opts.catalogue,
    opts.withAsset,
    opts.withSearch,
  );
  const agent = keepAliveAgent(1);
  const refOutcomes: Outcome[] = [];
  const refDeadline = performance.now() + (opts.quick ? 60_000 : 180_000);
  try {
    for (const r of reference) {
      if (performance.now() > refDeadline) break;
      const t = performance.now();
      const res = await post(agent, url, r.body);
      const ok = res.status === 200 && !hasGraphqlErrors(res.body.toString('utf8'));
      refOutcomes.push({ kind: r.kind, ms: performance.now() - t, ok });
    }
  } finally {
    agent.destroy();
  }

  await paced(
    url,
    plan(
      Math.round(rate * warmupSeconds),
      opts.seed + 1,
      opts.catalogue,
      opts.withAsset,
      opts.withSearch,
    ),
    rate,
  );

  const start = hub.memory();
  const samples: number[] = [start.rssBytes];
  const run = await paced(
    url,
    plan(Math.round(rate * seconds), opts.seed, opts.catalogue, opts.withAsset, opts.withSearch),
    rate,
    () => samples.push(hub.memory().rssBytes),
  );
  const end = hub.memory();
  samples.push(end.rssBytes);
  const failed = run.outcomes.filter((o) => !o.ok);
  const completed = run.outcomes.length - failed.length;
  return {
    catalogue: opts.catalogue.resources,
    offeredRate: rate,
    seconds,
    warmupSeconds,
    sent: run.outcomes.length,
    completed,
    // Over the whole window (the last send is one interval before its end).
    achievedRate: round(completed / Math.max(seconds, run.elapsedSeconds)),
    shed: run.shed,
    errors: failed.length + refOutcomes.filter((o) => !o.ok).length,
    errorSamples: [...new Set(failed.map((o) => o.error ?? ''))].slice(0, 5),
    loaded: byKind(run.outcomes),
    unloaded: byKind(refOutcomes),
    rss: {
      startBytes: start.rssBytes,
      endBytes: end.rssBytes,
      peakBytes: end.peakRssBytes,
      samples,
    },
    searchSubstituted: !opts.withSearch,
  };
}

export const MIXED_COLUMNS = [
  'requests',
  'offered req/s',
  'achieved req/s',
  'achieved / offered',
  'loaded p50 / p95 / p99 ms',
  'unloaded p50 / p95 / p99 ms',
  'p99 loaded / unloaded',
  'errors',
  'hub RSS start → end MiB (drift)',
  'hub peak RSS MiB',
];

export function mixedRows(f: MixedLoadFigures): string[][] {
  const rows: string[][] = [];
  for (const kind of ['all', ...KINDS] as const) {
    const all = kind === 'all';
    const share = all ? 1 : f.loaded[kind].count / Math.max(1, f.loaded.all.count);
    rows.push([
      all
        ? `all (${f.catalogue / 1000}k catalogue, ${f.seconds} s)`
        : `${kind} (${Math.round(share * 100)}%)`,
      all ? String(f.offeredRate) : '',
      all ? String(f.achievedRate) : '',
      all ? fmtRatio(ratio(f.achievedRate, f.offeredRate)) : '',
      fmtLatency(f.loaded[kind]),
      fmtLatency(f.unloaded[kind]),
      f.loaded[kind].count ? fmtRatio(ratio(f.loaded[kind].p99, f.unloaded[kind].p99)) : '–',
      all ? `${f.errors}${f.shed ? ` (+${f.shed} shed)` : ''}` : '',
      all
        ? `${mib(f.rss.startBytes)} → ${mib(f.rss.endBytes)} (${fmtRatio(ratio(f.rss.endBytes, f.rss.startBytes))})`
        : '',
      all ? String(mib(f.rss.peakBytes)) : '',
    ]);
  }
  return rows;
}
