import type { Request, Response } from 'express';
import { ANONYMOUS } from '../auth/viewer';
import type { PortalConfig } from '../config';
import type { PortalMetrics } from '../portal/metrics/metrics';
import { portalState } from './portal-context';
import { errorBody } from './portal-errors';
import { bucketFor, type PortalRateLimiter } from './portal-rate-limit';

export type RejectHttp = (
  req: Request,
  res: Response,
  rejection: {
    status: number;
    code: string;
    message: string;
    extensions?: Record<string, unknown>;
  },
) => Promise<void>;

/** The client address as seen on the socket (`trust proxy` is off, see README). */
export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/**
 * Answers a request the HTTP layer refuses before GraphQL runs (bad
 * credential, origin, safelist, batch limits): a GraphQL-shaped error body,
 * the minimum rate-limit charge with its headers (so floods of refused
 * requests drain a bucket too), and the rejection counted in the metrics.
 */
export function createHttpRejector(deps: {
  limiter: PortalRateLimiter;
  metrics: PortalMetrics;
  limits: PortalConfig['rateLimits'];
}): RejectHttp {
  return async (req, res, { status, code, message, extensions }) => {
    const state = portalState(res);
    const viewer = state?.viewer ?? ANONYMOUS;
    await deps.limiter.chargeRejected(res, bucketFor(viewer, clientIp(req), deps.limits));
    deps.metrics.recordRejection(code);
    deps.metrics.recordRequest({
      apiKeyId: viewer.kind === 'portal' ? viewer.credentialId : undefined,
      outcome: 'rejected',
      durationSeconds: 0,
    });
    res.setHeader('Cache-Control', 'no-store');
    res.status(status).json(errorBody(code, message, extensions));
  };
}
