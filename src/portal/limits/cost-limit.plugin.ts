import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestContextDidResolveOperation,
} from '@apollo/server';
import { GraphQLError } from 'graphql';
import { analyzeQuery } from './analyze-query';
import { checkBatchCost, checkBatchSize } from './batch-limit';
import {
  BatchLimitOptions,
  QueryLimitOptions,
  resolveBatchLimitOptions,
  resolveLimitOptions,
} from './limit-options';
import { checkLength, checkTokenCount } from './parse-limit';
import { LimitViolation } from './violations';

/** What the plugin measured, put on the context as `queryCost` before execution. */
export interface QueryCostInfo {
  /** Estimated cost of this operation: what a rate limiter should charge. */
  cost: number;
  /** The configured `maxCost`. */
  maxCost: number;
  depth: number;
  aliases: number;
  /** Summed cost of the batch so far, including this operation (batched requests only). */
  batchCost?: number;
}

/** Context fields the plugin writes. Add them to the server's context type. */
export interface QueryCostContext {
  queryCost?: QueryCostInfo;
}

/** Options of `createCostLimitPlugin`. */
export interface CostLimitPluginOptions<TContext extends BaseContext> {
  /** Per-operation limits; unspecified ones take `DEFAULT_QUERY_LIMITS`. */
  limits?: Partial<QueryLimitOptions>;
  /** Limits across the operations of one batched HTTP request. */
  batch?: Partial<BatchLimitOptions>;
  /**
   * Runs after the checks passed and before any resolver: the place to charge
   * a rate limiter with `info.cost`. Throw a `GraphQLError` (e.g. code
   * `RATE_LIMITED`, `http.status` 429) to reject the operation.
   */
  onCost?: (
    info: QueryCostInfo,
    requestContext: GraphQLRequestContextDidResolveOperation<TContext>,
  ) => Promise<void> | void;
  /** Observes rejections (e.g. to count them in metrics). Must not throw. */
  onReject?: (
    violations: readonly LimitViolation[],
    requestContext: GraphQLRequestContextDidResolveOperation<TContext>,
  ) => void;
}

/**
 * Turns violations into the one error the client sees: the first violation
 * gives code and message, all of them are listed in `extensions.violations`.
 * `http.status` 400 makes Apollo answer with HTTP 400 (it strips `http` from
 * the serialized extensions).
 */
export function limitViolationError(
  violations: readonly LimitViolation[],
  cost: number,
  maxCost: number,
): GraphQLError {
  const [first] = violations;
  return new GraphQLError(first.message, {
    extensions: {
      code: first.code,
      http: { status: 400 },
      cost,
      limit: first.limit ?? maxCost,
      maxCost,
      violations: violations.map((v) => ({
        code: v.code,
        message: v.message,
        limit: v.limit,
        actual: v.actual,
        path: v.path,
      })),
    },
  });
}

/**
 * Apollo Server 5 plugin enforcing the query limits in `didResolveOperation`:
 * after parsing and validation (so syntax and validation errors keep their
 * standard codes and status 400) and before execution, and it is the only
 * request hook whose thrown `GraphQLError` Apollo turns into a regular error
 * response (a throw in `didResolveSource`/`parsingDidStart` becomes a 500).
 *
 * Apollo parses the document itself, so the length and token limits are
 * checked here on the source (lexing stops after `maxTokens`). To also stop
 * Apollo from parsing huge documents, give the server a backstop,
 * e.g. `new ApolloServer({ parseOptions: { maxTokens: 2 * maxTokens } })`,
 * and keep express's JSON body limit small.
 *
 * Batched requests: Apollo runs the operations of one HTTP batch with one
 * shared response head object; the plugin keys a per-batch tally on it to
 * enforce `maxBatchSize` and `maxBatchCost` even without the express-level
 * `createBatchLimitMiddleware` (which rejects oversized batches earlier).
 */
export function createCostLimitPlugin<TContext extends BaseContext = QueryCostContext>(
  options: CostLimitPluginOptions<TContext> = {},
): ApolloServerPlugin<TContext> {
  const limits = resolveLimitOptions(options.limits);
  const batch = resolveBatchLimitOptions(options.batch);
  const batchTallies = new WeakMap<object, { operations: number; cost: number }>();

  const reject = (
    violations: LimitViolation[],
    cost: number,
    requestContext: GraphQLRequestContextDidResolveOperation<TContext>,
  ): never => {
    try {
      options.onReject?.(violations, requestContext);
    } catch {
      // An observer must not change the answer.
    }
    throw limitViolationError(violations, cost, limits.maxCost);
  };

  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          const { source, document, operationName, request } = requestContext;
          const violations: LimitViolation[] = [];
          const length = checkLength(source, limits.maxLength);
          if (length) violations.push(length);
          const tokens = checkTokenCount(source, limits.maxTokens);
          if (tokens) violations.push(tokens);
          // Do not walk a document that is already known to be oversized.
          if (violations.length > 0) reject(violations, 0, requestContext);

          const analysis = analyzeQuery(requestContext.schema, document, {
            operationName,
            variables: request.variables,
            limits,
          });
          if (!analysis.ok) reject(analysis.violations, analysis.cost, requestContext);

          const info: QueryCostInfo = {
            cost: analysis.cost,
            maxCost: limits.maxCost,
            depth: analysis.depth,
            aliases: analysis.aliases,
          };
          if (requestContext.requestIsBatched) {
            const head = requestContext.response.http;
            const tally = batchTallies.get(head) ?? { operations: 0, cost: 0 };
            batchTallies.set(head, tally);
            tally.operations += 1;
            tally.cost += analysis.cost;
            const batchViolation =
              checkBatchSize(tally.operations, batch.maxBatchSize) ??
              checkBatchCost(tally.cost, batch.maxBatchCost);
            if (batchViolation) reject([batchViolation], analysis.cost, requestContext);
            info.batchCost = tally.cost;
          }

          // Apollo gives each operation a shallow copy of the context, so this
          // is visible to this operation's resolvers and later hooks only.
          (requestContext.contextValue as QueryCostContext).queryCost = info;
          await options.onCost?.(info, requestContext);
        },
      };
    },
  };
}
