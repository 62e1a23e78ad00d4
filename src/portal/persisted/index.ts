/** Persisted queries: the shared APQ cache and per-key safelists. */
export * from './query-hash';
export * from './mongo-kv-cache';
export * from './persisted-operation.repository';
export * from './persisted-operation.service';
export * from './native-db';
