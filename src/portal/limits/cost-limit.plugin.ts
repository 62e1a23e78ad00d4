import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestContext,
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
import { checkLength, checkTokenCount, isTooManyTokensError, tooManyTokens } from './parse-limit';
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
    requestContext: GraphQLRequestContext<TContext>,
  ) => void;
}

/**
 * Server options that make Apollo's own parse enforce the token limit, so an
 * oversized document is dropped before validation. Spread into the
 * `ApolloServer` config next to `createCostLimitPlugin(options)` with the same limits.
 */
export function costLimitServerOptions(limits: Partial<QueryLimitOptions> = {}): {
  parseOptions: { maxTokens: number };
} {
  return { parseOptions: { maxTokens: resolveLimitOptions(limits).maxTokens } };
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
 * Apollo parses and validates the document before this hook, and validation
 * of a large document can be slow (graphql-js `OverlappingFieldsCanBeMerged`
 * is quadratic in repeated fields: ~0.5 s for 2 000 `id`s). So give the
 * server the same token limit for its own parse, with
 * `new ApolloServer({ ...costLimitServerOptions(limits), plugins: [...] })`:
 * Apollo's parse then stops at `maxTokens`, and this plugin's
 * `didEncounterErrors` relabels that parse error `QUERY_TOO_MANY_TOKENS`
 * (other syntax errors stay `GRAPHQL_PARSE_FAILED`). Without it the length
 * and token limits are still enforced here, after the fact. Keep express's
 * JSON body limit small too.
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

  const notify = (
    violations: LimitViolation[],
    requestContext: GraphQLRequestContext<TContext>,
  ) => {
    try {
      options.onReject?.(violations, requestContext);
    } catch {
      // An observer must not change the answer.
    }
  };
  const reject = (
    violations: LimitViolation[],
    cost: number,
    requestContext: GraphQLRequestContext<TContext>,
  ): never => {
    notify(violations, requestContext);
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

        async didEncounterErrors(requestContext) {
          // Only a failed parse leaves the document unset; relabel the
          // parser's maxTokens abort, which Apollo reports as a generic syntax error.
          if (requestContext.document) return;
          for (const error of requestContext.errors) {
            if (!isTooManyTokensError(error)) continue;
            const v = tooManyTokens(limits.maxTokens);
            error.message = v.message;
            Object.assign(error.extensions, {
              code: v.code,
              cost: 0,
              limit: v.limit,
              maxCost: limits.maxCost,
              violations: [{ code: v.code, message: v.message, limit: v.limit }],
            });
            notify([v], requestContext);
          }
        },
      };
    },
  };
}
