import http from 'node:http';
import type { EventEmitter } from 'node:events';
import { round, summarize, type LatencySummary } from './stats';

// autocannon ships no types; this is the part of its programmatic API used here.
interface AutocannonResult {
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  duration: number;
}
type Autocannon = (
  opts: Record<string, unknown>,
  cb: (err: Error | null, result: AutocannonResult) => void,
) => EventEmitter;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

export interface LoadResult {
  requestsPerSecond: number;
  latency: LatencySummary;
  total: number;
  non2xx: number;
  errors: number;
  /** Answers whose body carried a GraphQL `errors` member (or was not the expected body). */
  bodyErrors: number;
  durationSeconds: number;
}

/** A POST of one JSON body, the same bytes every time. */
export interface PostSpec {
  url: string;
  body: string;
  headers?: Record<string, string>;
}

/** True when an answer is a GraphQL error (or not JSON at all). */
export function hasGraphqlErrors(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown; data?: unknown };
    return parsed.errors !== undefined || parsed.data == null;
  } catch {
    return true;
  }
}

/**
 * Closed-loop load with autocannon (`connections` requests in flight), after
 * a warm-up run of its own. Latency percentiles are computed from every
 * response time (autocannon's own summary has no p95).
 */
export async function closedLoop(
  spec: PostSpec,
  opts: { connections: number; warmupSeconds: number; seconds: number; checkBody: boolean },
  hooks: { beforeMeasure?: () => Promise<unknown>; afterMeasure?: () => Promise<unknown> } = {},
): Promise<LoadResult> {
  const base = {
    url: spec.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(spec.headers ?? {}) },
    body: spec.body,
    connections: opts.connections,
    timeout: 30,
    ...(opts.checkBody ? { verifyBody: (b: string) => !hasGraphqlErrors(b) } : {}),
  };
  const run = (seconds: number, onResponse?: (ms: number, status: number) => void) =>
    new Promise<AutocannonResult>((resolve, reject) => {
      const tracker = autocannon({ ...base, duration: seconds }, (err, result) =>
        err ? reject(err) : resolve(result),
      );
      if (onResponse)
        tracker.on('response', (_client: unknown, status: number, _bytes: number, ms: number) =>
          onResponse(ms, status),
        );
    });
  if (opts.warmupSeconds > 0) await run(opts.warmupSeconds);
  const samples: number[] = [];
  await hooks.beforeMeasure?.();
  const result = await run(opts.seconds, (ms, status) => {
    if (status >= 200 && status < 300) samples.push(ms);
  });
  await hooks.afterMeasure?.();
  return {
    requestsPerSecond: Math.round(result.requests.total / opts.seconds),
    latency: summarize(samples),
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    bodyErrors: result.mismatches,
    durationSeconds: opts.seconds,
  };
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
}

/** One POST over a keep-alive agent. */
export function post(
  agent: http.Agent,
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            rawHeaders: res.rawHeaders,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

export const keepAliveAgent = (maxSockets: number) =>
  new http.Agent({ keepAlive: true, maxSockets });

/**
 * One request at a time (no queueing anywhere): latency as a single caller
 * sees it. Bounded by count and by time, after `warmup` unmeasured requests.
 */
export async function sequential(
  spec: PostSpec,
  opts: { warmup: number; count: number; maxSeconds: number },
): Promise<{ latency: LatencySummary; errors: number }> {
  const agent = keepAliveAgent(1);
  try {
    const samples: number[] = [];
    let errors = 0;
    for (let i = 0; i < opts.warmup; i++) await post(agent, spec.url, spec.body, spec.headers);
    const deadline = performance.now() + opts.maxSeconds * 1000;
    for (let i = 0; i < opts.count && performance.now() < deadline; i++) {
      const t = performance.now();
      const res = await post(agent, spec.url, spec.body, spec.headers);
      samples.push(performance.now() - t);
      if (res.status !== 200 || hasGraphqlErrors(res.body.toString('utf8'))) errors++;
    }
    return { latency: summarize(samples), errors };
  } finally {
    agent.destroy();
  }
}

/**
 * Closed loop of our own for slow endpoints: `connections` callers each send
 * the next request when the last one answered, until `seconds` have passed;
 * then every request still out is awaited (each bounded by the 30 s request
 * timeout), so no backlog spills into the next measurement.
 */
export async function drainedClosedLoop(
  spec: PostSpec,
  opts: { connections: number; seconds: number; maxRequests: number },
): Promise<LoadResult> {
  const agent = keepAliveAgent(opts.connections);
  const samples: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let bodyErrors = 0;
  let sent = 0;
  const t0 = performance.now();
  const deadline = t0 + opts.seconds * 1000;
  const caller = async () => {
    while (performance.now() < deadline && sent < opts.maxRequests) {
      sent++;
      const t = performance.now();
      try {
        const res = await post(agent, spec.url, spec.body, spec.headers);
        if (res.status < 200 || res.status >= 300) non2xx++;
        else if (hasGraphqlErrors(res.body.toString('utf8'))) bodyErrors++;
        else samples.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: opts.connections }, caller));
  } finally {
    agent.destroy();
  }
  const elapsed = (performance.now() - t0) / 1000;
  return {
    requestsPerSecond: round(samples.length / elapsed),
    latency: summarize(samples),
    total: sent,
    non2xx,
    errors,
    bodyErrors,
    durationSeconds: round(elapsed),
  };
}
