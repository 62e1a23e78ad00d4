/** Prometheus metrics for the public portal API. */
export * from './metrics';
export * from './metrics.handler';
export * from './metrics.plugin';
