import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { errorBody } from './portal-errors';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Guards /metrics: its series name API key ids and reveal traffic. With
 * `METRICS_TOKEN` set, a scraper must send `Authorization: Bearer <token>`
 * (from anywhere); without it only loopback callers are answered, so a
 * scraper on the same host or a sidecar works with no setup and nothing is
 * exposed by default.
 */
export function protectMetrics(token: string | undefined): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (token) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
      if (match && sameSecret(match[1], token)) {
        next();
        return;
      }
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res
        .status(401)
        .json(errorBody('UNAUTHENTICATED', '需要 METRICS_TOKEN / METRICS_TOKEN required'));
      return;
    }
    if (LOOPBACK.has(req.socket.remoteAddress ?? '')) {
      next();
      return;
    }
    res
      .status(403)
      .json(
        errorBody(
          'METRICS_FORBIDDEN',
          '仅限本机访问，或设置 METRICS_TOKEN / loopback only unless METRICS_TOKEN is set',
        ),
      );
  };
}
