/** Cost-based token-bucket rate limiting for the public portal API. */
export * from './token-bucket';
export * from './mongo-bucket.store';
export * from './leasing-bucket.store';
export * from './rate-limit-headers';
