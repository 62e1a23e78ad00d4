import type { RequestHandler } from 'express';
import { Registry } from 'prom-client';

/**
 * Express handler for `GET /metrics` in the Prometheus text format. Mount it
 * on an internal port or behind auth: the series name API keys.
 */
export function createMetricsHandler(registry: Registry): RequestHandler {
  return (_req, res, next) => {
    registry.metrics().then((text) => {
      res.set('Content-Type', registry.contentType);
      res.send(text);
    }, next);
  };
}
