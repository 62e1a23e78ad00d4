import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { Request, RequestHandler, Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Container } from '../container';
import { createLoaders } from '../loaders/loaders';
import { createBatchLimitMiddleware } from '../portal/limits/batch-limit.middleware';
import { costLimitServerOptions, createCostLimitPlugin } from '../portal/limits/cost-limit.plugin';
import type { BatchLimitOptions, QueryLimitOptions } from '../portal/limits/limit-options';
import { createMetricsPlugin } from '../portal/metrics/metrics.plugin';
import { createPortalMetrics, type PortalMetrics } from '../portal/metrics/metrics';
import { nativeDb } from '../portal/persisted/native-db';
import { LeasingBucketStore } from '../portal/rate-limit/leasing-bucket.store';
import { MongoBucketStore } from '../portal/rate-limit/mongo-bucket.store';
import { authenticateRequest } from './portal-auth';
import { createHttpCachePlugin } from './portal-cache';
import { portalState, type PortalContext } from './portal-context';
import { corsPreflight, originPolicy } from './portal-cors';
import { createPortalRateLimiter } from './portal-rate-limit';
import { createHttpRejector, type RejectHttp } from './portal-rejections';
import { safelistCheck } from './portal-safelist';

/** Everything the public API's protections add to the HTTP server, built from the container. */
export interface PortalPipeline {
  /** Spread into the ApolloServer config. */
  apolloOptions: Pick<
    ApolloServerOptions<PortalContext>,
    'parseOptions' | 'allowBatchedHttpRequests' | 'persistedQueries'
  >;
  plugins: ApolloServerPlugin<PortalContext>[];
  /** `OPTIONS /graphql`. */
  preflight: RequestHandler;
  /** For /graphql after body parsing, in order: who, from where, which operations, how many. */
  middleware: RequestHandler[];
  context(req: Request, res: Response): PortalContext;
  metrics: PortalMetrics;
}

/** The hub runs with the colleague-tuned defaults; see docs/portal.md for the numbers. */
const QUERY_LIMITS: Partial<QueryLimitOptions> = {};

export function createPortalPipeline(container: Container, schema: GraphQLSchema): PortalPipeline {
  const { config, log } = container;
  const portal = config.portal;
  const batching = portal.batchMaxOperations > 0;
  const batchLimits: Partial<BatchLimitOptions> = batching
    ? { maxBatchSize: portal.batchMaxOperations }
    : {};

  const metrics = createPortalMetrics();
  // Buckets live in MongoDB (shared by every hub process); each process spends them in leases.
  const store = new LeasingBucketStore(
    new MongoBucketStore(nativeDb(container.models.connection), { clock: container.clock }),
    container.clock,
  );
  const limiter = createPortalRateLimiter({ store, limits: portal.rateLimits, log });
  const reject = createHttpRejector({ limiter, metrics, limits: portal.rateLimits });

  const middleware: RequestHandler[] = [
    authenticateRequest(container.services.credentials, reject),
    originPolicy(portal, reject),
    safelistCheck(container.services.persistedOperations, reject),
  ];
  if (batching) {
    middleware.push(
      countedRejections(
        createBatchLimitMiddleware(schema, { limits: QUERY_LIMITS, batch: batchLimits }),
        reject,
      ),
    );
  }

  return {
    apolloOptions: {
      ...costLimitServerOptions(QUERY_LIMITS),
      // Batching stays off unless GRAPHQL_BATCH_MAX is set: a portal gains little
      // from it (HTTP/2 multiplexes), and every operation is charged on its own anyway.
      allowBatchedHttpRequests: batching,
      // Content-addressed, so entries never go stale: no TTL.
      persistedQueries: { cache: container.apqCache, ttl: null },
    },
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      createCostLimitPlugin<PortalContext>({
        limits: QUERY_LIMITS,
        batch: batchLimits,
        onCost: limiter.onCost,
      }),
      limiter.plugin,
      createHttpCachePlugin({ publicMaxAgeSeconds: portal.publicCacheMaxAgeSeconds }),
      createMetricsPlugin<PortalContext>(metrics, {
        apiKeyId: (ctx) => (ctx.viewer?.kind === 'portal' ? ctx.viewer.credentialId : undefined),
      }),
    ],
    preflight: corsPreflight(portal, container.services.credentials),
    middleware,
    context(req, res) {
      const state = portalState(res);
      if (!state) throw new Error('portal middleware did not run before Apollo');
      return {
        viewer: state.viewer,
        clientIp: state.clientIp,
        services: container.services,
        loaders: createLoaders(container.repos),
        log: req.log,
        requestId: req.id,
      };
    },
    metrics,
  };
}

/**
 * The batch-limit middleware answers oversized batches itself; route that
 * answer through the common rejection path (rate-limit charge, metrics).
 */
function countedRejections(inner: RequestHandler, reject: RejectHttp): RequestHandler {
  type ErrorBody = { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  return (req, res, next) => {
    const json = res.json.bind(res);
    res.json = (body: ErrorBody) => {
      res.json = json;
      const [first, ...rest] = body.errors ?? [];
      if (!first) return json(body);
      const { code, ...details } = first.extensions ?? {};
      void reject(req, res, {
        status: res.statusCode,
        code: typeof code === 'string' ? code : 'BAD_REQUEST',
        message: first.message,
        extensions: { ...details, others: rest },
      });
      return res;
    };
    inner(req, res, (err?: unknown) => {
      res.json = json;
      next(err);
    });
  };
}
