import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { PortalConfig } from '../config';
import type { CredentialService } from '../services/identity/credential.service';
import { portalState } from './portal-context';
import { errorBody } from './portal-errors';
import type { RejectHttp } from './portal-rejections';

const ALLOW_METHODS = 'GET, POST, OPTIONS';
const ALLOW_HEADERS = [
  'content-type',
  'accept',
  'authorization',
  'x-api-key',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-request-id',
].join(', ');
const EXPOSE_HEADERS = [
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'retry-after',
  'etag',
  'x-request-id',
].join(', ');
/** Browsers cache a preflight this long (Chrome caps it at 2 hours). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

// A page of the hub itself (GraphiQL) is same-origin: its Origin names the host it talks to.
function isSameOrigin(req: Request, origin: string): boolean {
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
}

/**
 * Answers CORS preflights for /graphql. A preflight carries no credential, so
 * it cannot be judged per key: it succeeds for origins listed in
 * `CORS_ORIGINS` (or any origin with `*`) and for origins some live API key
 * allows; the real request is then checked against its own key.
 */
export function corsPreflight(
  config: PortalConfig,
  credentials: CredentialService,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const origin = req.get('origin');
    res.vary('Origin');
    if (!origin || !req.get('access-control-request-method')) {
      res.setHeader('Allow', ALLOW_METHODS);
      res.status(204).end();
      return;
    }
    try {
      const allowed =
        config.cors.any ||
        config.cors.origins.includes(origin) ||
        isSameOrigin(req, origin) ||
        (await credentials.isOriginRegistered(origin));
      if (!allowed) {
        res
          .status(403)
          .json(
            errorBody(
              'ORIGIN_NOT_ALLOWED',
              `来源 ${origin} 未获准访问 / origin ${origin} is not allowed`,
            ),
          );
        return;
      }
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Methods', ALLOW_METHODS);
      res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
      res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
      res.status(204).end();
    } catch (err) {
      next(err);
    }
  };
}

/**
 * The browser-origin rule for the real request, after authentication:
 *
 * - an API key with `allowedOrigins` accepts only those origins: any other
 *   `Origin` is refused with 403 ORIGIN_NOT_ALLOWED before GraphQL runs, and an
 *   allowed one is echoed in `Access-Control-Allow-Origin`;
 * - any other caller (key without origins, personal token, anonymous) gets
 *   the origin echoed only when `CORS_ORIGINS` lists it; `*` is used for
 *   anonymous requests only, never for a request that carries a credential.
 *
 * `Access-Control-Allow-Credentials` is never sent: credentials travel in
 * headers, not cookies. Requests without `Origin` (servers, mini-program
 * back ends) are not browser requests and pass.
 */
export function originPolicy(config: PortalConfig, reject: RejectHttp): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    res.vary('Origin');
    const origin = req.get('origin');
    if (!origin || isSameOrigin(req, origin)) {
      next();
      return;
    }
    const state = portalState(res);
    const credential = state?.credential ?? null;
    const keyOrigins = credential?.kind === 'API_KEY' ? credential.allowedOrigins : [];
    if (keyOrigins.length > 0 && !keyOrigins.includes(origin)) {
      // Readable by the refused page, so its developer sees why; it holds no data.
      res.setHeader('Access-Control-Allow-Origin', origin);
      await reject(req, res, {
        status: 403,
        code: 'ORIGIN_NOT_ALLOWED',
        message: `此 API 密钥不允许来源 ${origin} / this API key does not allow origin ${origin}`,
      });
      return;
    }
    let allowOrigin: string | undefined;
    if (keyOrigins.includes(origin) || config.cors.origins.includes(origin)) allowOrigin = origin;
    else if (config.cors.any && credential === null) allowOrigin = '*';
    if (allowOrigin) {
      res.setHeader('Access-Control-Allow-Origin', allowOrigin);
      res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
    next();
  };
}
