import { GraphQLSchema } from 'graphql';
import { EMPTY_ANALYSIS, SourceAnalysis, analyzeSource } from './analyze-query';
import {
  BatchLimitOptions,
  QueryLimitOptions,
  resolveBatchLimitOptions,
  resolveLimitOptions,
} from './limit-options';
import { LimitViolation, violation } from './violations';

/** Result of `analyzeBatch`. */
export interface BatchAnalysis {
  ok: boolean;
  size: number;
  /** Sum of the items' costs (0 when the batch was rejected for its size). */
  totalCost: number;
  /** Per-item analysis, in request order; empty when the batch was rejected for its size. */
  items: SourceAnalysis[];
  /** Batch-level violations only (size, summed cost); item violations are in `items`. */
  violations: LimitViolation[];
}

/** `QUERY_BATCH_TOO_LARGE` if a batch holds more than `maxBatchSize` operations. */
export function checkBatchSize(size: number, maxBatchSize: number): LimitViolation | undefined {
  if (size <= maxBatchSize) return undefined;
  return violation(
    'QUERY_BATCH_TOO_LARGE',
    `批量请求包含的操作过多（${size} 个，上限 ${maxBatchSize}）`,
    `Batched request contains too many operations (${size}, limit ${maxBatchSize})`,
    { limit: maxBatchSize, actual: size },
  );
}

/** `QUERY_TOO_COMPLEX` for a batch whose summed cost passes `maxBatchCost`. */
export function checkBatchCost(
  totalCost: number,
  maxBatchCost: number,
): LimitViolation | undefined {
  if (totalCost <= maxBatchCost) return undefined;
  return violation(
    'QUERY_TOO_COMPLEX',
    `批量请求总成本过高（${totalCost}，上限 ${maxBatchCost}）`,
    `Batched request is too complex in total (cost ${totalCost}, limit ${maxBatchCost})`,
    { limit: maxBatchCost, actual: totalCost },
  );
}

/**
 * Checks a JSON-array request body: first its size (before parsing anything,
 * so a 10 000-item array costs nothing), then each item with
 * `analyzeSource`, then the summed cost. Items without a string `query`
 * (persisted queries, malformed bodies) count 0 here; the server rejects or
 * resolves them, and the per-operation plugin still checks them.
 */
export function analyzeBatch(
  schema: GraphQLSchema,
  bodies: readonly unknown[],
  options: { limits?: Partial<QueryLimitOptions>; batch?: Partial<BatchLimitOptions> } = {},
): BatchAnalysis {
  const batch = resolveBatchLimitOptions(options.batch);
  const sizeViolation = checkBatchSize(bodies.length, batch.maxBatchSize);
  if (sizeViolation) {
    return { ok: false, size: bodies.length, totalCost: 0, items: [], violations: [sizeViolation] };
  }
  const limits = resolveLimitOptions(options.limits);
  const items = bodies.map((body): SourceAnalysis => {
    const b = (body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
    if (typeof b.query !== 'string') {
      return { ...EMPTY_ANALYSIS, violations: [] };
    }
    return analyzeSource(schema, b.query, {
      limits,
      operationName: typeof b.operationName === 'string' ? b.operationName : undefined,
      variables:
        b.variables && typeof b.variables === 'object'
          ? (b.variables as Record<string, unknown>)
          : undefined,
    });
  });
  const totalCost = items.reduce((sum, item) => sum + item.cost, 0);
  const costViolation = checkBatchCost(totalCost, batch.maxBatchCost);
  const violations = costViolation ? [costViolation] : [];
  return {
    // A syntax error is not a limit problem: the server reports it for that item alone.
    ok: violations.length === 0 && items.every((item) => item.violations.length === 0),
    size: bodies.length,
    totalCost,
    items,
    violations,
  };
}
