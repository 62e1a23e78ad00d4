import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { performance } from 'node:perf_hooks';
import { PortalMetrics, RequestOutcome } from './metrics';

/** Options of `createMetricsPlugin`. */
export interface MetricsPluginOptions<TContext extends BaseContext> {
  /** The authenticated API key id of a request, if any (never the raw key). */
  apiKeyId?: (contextValue: TContext) => string | null | undefined;
}

/**
 * Apollo Server 5 plugin feeding `PortalMetrics`: one count and one latency
 * observation per operation, and a rejection count for operations refused
 * before execution (parse/validation errors, limit violations, rate
 * limiting), labelled with the error's `extensions.code`.
 */
export function createMetricsPlugin<TContext extends BaseContext>(
  metrics: PortalMetrics,
  options: MetricsPluginOptions<TContext> = {},
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse(requestContext) {
          const errors = requestContext.errors ?? [];
          let outcome: RequestOutcome = 'success';
          if (errors.length > 0 && !executed) {
            const code = errors[0].extensions?.code;
            const reason = typeof code === 'string' ? code : 'UNKNOWN';
            outcome = reason === 'RATE_LIMITED' ? 'rate_limited' : 'rejected';
            metrics.recordRejection(reason);
          } else if (errors.length > 0) {
            outcome = 'error';
          }
          metrics.recordRequest({
            apiKeyId: options.apiKeyId?.(requestContext.contextValue),
            operationType: requestContext.operation?.operation,
            outcome,
            durationSeconds: (performance.now() - started) / 1000,
          });
        },
      };
    },
  };
}
