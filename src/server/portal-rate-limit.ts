import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import type { Response } from 'express';
import type { Logger } from 'pino';
import type { Viewer } from '../auth/viewer';
import type { PortalConfig } from '../config';
import type { QueryCostInfo } from '../portal/limits/cost-limit.plugin';
import { rateLimitedError, setRateLimitHeaders } from '../portal/rate-limit/rate-limit-headers';
import type {
  BucketStore,
  RateLimitResult,
  TokenBucketConfig,
} from '../portal/rate-limit/token-bucket';
import type { PortalContext } from './portal-context';

/** Whose bucket a request drains. */
export interface BucketRef {
  key: string;
  kind: 'apiKey' | 'user' | 'ip';
  config: TokenBucketConfig;
}

/**
 * One bucket per API key, per signed-in user (all their tokens share it), and
 * per client IP for anonymous callers. Keys and people are never limited by
 * IP: many schools sit behind one NAT address.
 */
export function bucketFor(
  viewer: Viewer,
  clientIp: string,
  limits: PortalConfig['rateLimits'],
): BucketRef {
  if (viewer.kind === 'portal')
    return { key: `key:${viewer.credentialId}`, kind: 'apiKey', config: limits.apiKey };
  if (viewer.kind === 'user')
    return { key: `user:${viewer.userId}`, kind: 'user', config: limits.user };
  return { key: `ip:${clientIp}`, kind: 'ip', config: limits.ip };
}

/**
 * Every operation costs at least this much, so that cheap queries
 * (`{ __typename }`) and rejected ones (syntax errors, limit violations)
 * still drain the bucket when sent in a flood.
 */
export const MIN_CHARGE = 1;

export interface PortalRateLimiter {
  /** Charges a bucket; undefined when the store failed (the request is let through: fail open). */
  charge(bucket: BucketRef, cost: number): Promise<RateLimitResult | undefined>;
  /** The cost plugin's `onCost`: charges the query's estimated cost, or throws 429 RATE_LIMITED. */
  onCost(
    info: QueryCostInfo,
    requestContext: GraphQLRequestContextDidResolveOperation<PortalContext>,
  ): Promise<void>;
  /** Charges the minimum for requests rejected before their cost was known, and sets the headers. */
  plugin: ApolloServerPlugin<PortalContext>;
  /** The same for answers the HTTP layer gives itself (401, 403, safelist). */
  chargeRejected(res: Response, bucket: BucketRef): Promise<void>;
}

/**
 * Wires the token buckets into the request path. The charge happens in the
 * cost plugin's `onCost`, after validation and before any resolver, once per
 * operation: aliases raise an operation's cost and each operation of a batch
 * is charged on its own, so neither gets around the limit.
 *
 * A failing store (database down) lets requests through and logs: the
 * resolvers need the same database, so failing closed would add nothing but
 * a misleading 429.
 */
export function createPortalRateLimiter(opts: {
  store: BucketStore;
  limits: PortalConfig['rateLimits'];
  log: Logger;
}): PortalRateLimiter {
  const { store, limits, log } = opts;

  const charge = async (bucket: BucketRef, cost: number) => {
    try {
      return await store.consume(bucket.key, Math.max(MIN_CHARGE, cost), bucket.config);
    } catch (err) {
      log.warn({ err, bucket: bucket.kind }, 'rate-limit store failed; request let through');
      return undefined;
    }
  };
  const bucketOf = (ctx: PortalContext) => bucketFor(ctx.viewer, ctx.clientIp, limits);

  return {
    charge,

    async onCost(info, requestContext) {
      const ctx = requestContext.contextValue;
      ctx.rateLimitCharged = true;
      const result = await charge(bucketOf(ctx), info.cost);
      if (!result) return;
      if (!result.allowed) throw rateLimitedError(result);
      setRateLimitHeaders(requestContext.response.http.headers, result);
    },

    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse(requestContext) {
            const ctx = requestContext.contextValue as PortalContext | undefined;
            if (!ctx?.viewer || ctx.rateLimitCharged) return;
            ctx.rateLimitCharged = true;
            const result = await charge(bucketOf(ctx), MIN_CHARGE);
            // The answer is already an error; only the headers tell the caller where it stands.
            if (result) setRateLimitHeaders(requestContext.response.http.headers, result);
          },
        };
      },
    },

    async chargeRejected(res, bucket) {
      const result = await charge(bucket, MIN_CHARGE);
      if (result) setRateLimitHeaders(res, result);
    },
  };
}
