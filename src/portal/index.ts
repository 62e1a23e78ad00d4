/** Protection of the public portal API: query limits, rate limiting, metrics. */
export * from './limits';
export * from './rate-limit';
export * from './metrics';
