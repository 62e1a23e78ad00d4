/**
 * Row 1, the HTTP + GraphQL floor: `{ __typename }` through the hub against a
 * bare node:http server (baseline-server.ts, its own process) answering with
 * the same bytes the hub answers (status, headers and body captured from the
 * hub first). Closed-loop load with autocannon at 10 and 100 connections.
 */
import path from 'node:path';
import { BenchChild } from './lib/child';
import type { StaticResponse } from './baseline-server';
import { closedLoop, keepAliveAgent, post, type LoadResult } from './lib/http-load';
import { fmtLatency, fmtRatio, ratio } from './lib/stats';

export interface HttpFloorFigures {
  connections: number;
  hub: LoadResult;
  bare: LoadResult;
  throughputRatio: number | null;
  p50Ratio: number | null;
  p99Ratio: number | null;
  responseBytes: number;
  /** MongoDB commands the hub issued during the measured run, per request answered. */
  hubCommandsPerRequest: number | null;
  hubCommands: Record<string, number>;
}

const TYPENAME = JSON.stringify({ query: '{ __typename }' });
/** Hop-by-hop and per-answer headers the bare server sets itself. */
const OWN_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
]);

export async function runHttpFloorBenchmark(opts: {
  hub: BenchChild;
  quick: boolean;
}): Promise<HttpFloorFigures[]> {
  const hubUrl = `${opts.hub.url}/graphql`;
  const agent = keepAliveAgent(1);
  const sample = await post(agent, hubUrl, TYPENAME);
  agent.destroy();
  if (sample.status !== 200) throw new Error(`hub answered ${sample.status} to { __typename }`);
  const headers: Array<[string, string]> = [];
  for (let i = 0; i < sample.rawHeaders.length; i += 2) {
    if (!OWN_HEADERS.has(sample.rawHeaders[i].toLowerCase()))
      headers.push([sample.rawHeaders[i], sample.rawHeaders[i + 1]]);
  }
  const spec: StaticResponse = {
    status: sample.status,
    headers,
    bodyBase64: sample.body.toString('base64'),
  };
  const bare = await BenchChild.start(
    path.join(__dirname, 'baseline-server.js'),
    { BENCH_BASELINE: 'static', BENCH_STATIC_RESPONSE: JSON.stringify(spec) },
    { timeoutMs: 30_000 },
  );
  const figures: HttpFloorFigures[] = [];
  try {
    for (const connections of [10, 100]) {
      const load = {
        connections,
        warmupSeconds: opts.quick ? 2 : 5,
        seconds: opts.quick ? 5 : 15,
        checkBody: true,
      };
      let hubCommands: Record<string, number> = {};
      const hub = await closedLoop({ url: hubUrl, body: TYPENAME }, load, {
        beforeMeasure: () => opts.hub.request('commands:reset'),
        afterMeasure: async () => {
          hubCommands = await opts.hub.request<Record<string, number>>('commands:read');
        },
      });
      const commandTotal = Object.values(hubCommands).reduce((a, b) => a + b, 0);
      const base = await closedLoop({ url: `${bare.url}/graphql`, body: TYPENAME }, load);
      figures.push({
        connections,
        hub,
        bare: base,
        throughputRatio: ratio(hub.requestsPerSecond, base.requestsPerSecond),
        p50Ratio: ratio(hub.latency.p50, base.latency.p50),
        p99Ratio: ratio(hub.latency.p99, base.latency.p99),
        responseBytes: sample.body.length,
        hubCommandsPerRequest: ratio(commandTotal, hub.total),
        hubCommands,
      });
    }
  } finally {
    await bare.stop();
  }
  return figures;
}

export const FLOOR_COLUMNS = [
  'connections',
  'hub req/s',
  'bare req/s',
  'req/s ratio',
  'hub p50 / p95 / p99 ms',
  'bare p50 / p95 / p99 ms',
  'p50 ratio',
  'p99 ratio',
  'hub non-2xx / errors',
  'hub Mongo cmds/req',
];

export function floorRows(figures: HttpFloorFigures[]): string[][] {
  return figures.map((f) => [
    String(f.connections),
    String(f.hub.requestsPerSecond),
    String(f.bare.requestsPerSecond),
    fmtRatio(f.throughputRatio),
    fmtLatency(f.hub.latency),
    fmtLatency(f.bare.latency),
    fmtRatio(f.p50Ratio),
    fmtRatio(f.p99Ratio),
    `${f.hub.non2xx} / ${f.hub.errors + f.hub.bodyErrors}`,
    f.hubCommandsPerRequest === null ? '–' : String(f.hubCommandsPerRequest),
  ]);
}
