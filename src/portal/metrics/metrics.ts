import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** How a portal request ended. */
export type RequestOutcome = 'success' | 'error' | 'rejected' | 'rate_limited';

/** The portal's metrics, all on one registry of their own. */
export interface PortalMetrics {
  registry: Registry;
  requestsTotal: Counter<'api_key' | 'operation_type' | 'outcome'>;
  rejectionsTotal: Counter<'reason'>;
  requestDuration: Histogram<'operation_type' | 'outcome'>;
  /** Counts one finished GraphQL request and observes its latency. */
  recordRequest(sample: {
    /** The authenticated key id; omit for anonymous or unauthenticated requests. */
    apiKeyId?: string | null;
    operationType?: string | null;
    outcome: RequestOutcome;
    durationSeconds: number;
  }): void;
  /** Counts one rejection by its stable code (e.g. `QUERY_TOO_DEEP`, `RATE_LIMITED`). */
  recordRejection(reason: string): void;
}

/** Options of `createPortalMetrics`. */
export interface PortalMetricsOptions {
  /** Metric name prefix (default `learning_port_`). */
  prefix?: string;
  /** Also collect the default process metrics (CPU, memory, event loop, GC) (default true). */
  defaultMetrics?: boolean;
  /** Latency buckets in seconds. */
  latencyBuckets?: number[];
  /** Labels added to every series, e.g. `{ instance_role: 'hub' }`. */
  defaultLabels?: Record<string, string>;
}

/**
 * Creates a fresh registry with the portal metrics. A new registry (not
 * prom-client's global one) per call keeps tests and several servers in one
 * process independent.
 *
 * Label cardinality: `api_key` must only ever carry ids of keys that passed
 * authentication (or `anonymous`), never raw header values, or anyone could
 * grow the series set without bound by sending random keys.
 */
export function createPortalMetrics(options: PortalMetricsOptions = {}): PortalMetrics {
  const prefix = options.prefix ?? 'learning_port_';
  const registry = new Registry();
  if (options.defaultLabels) registry.setDefaultLabels(options.defaultLabels);
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix });

  const requestsTotal = new Counter({
    name: `${prefix}graphql_requests_total`,
    help: 'GraphQL requests to the public portal API by API key, operation type and outcome',
    labelNames: ['api_key', 'operation_type', 'outcome'] as const,
    registers: [registry],
  });
  const rejectionsTotal = new Counter({
    name: `${prefix}graphql_rejections_total`,
    help: 'GraphQL requests rejected before execution, by reason code',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const requestDuration = new Histogram({
    name: `${prefix}graphql_request_duration_seconds`,
    help: 'GraphQL request latency in seconds',
    labelNames: ['operation_type', 'outcome'] as const,
    buckets: options.latencyBuckets ?? [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  return {
    registry,
    requestsTotal,
    rejectionsTotal,
    requestDuration,
    recordRequest({ apiKeyId, operationType, outcome, durationSeconds }) {
      const operation_type = operationType || 'unknown';
      requestsTotal.inc({ api_key: apiKeyId || 'anonymous', operation_type, outcome });
      requestDuration.observe({ operation_type, outcome }, durationSeconds);
    },
    recordRejection(reason) {
      rejectionsTotal.inc({ reason });
    },
  };
}
