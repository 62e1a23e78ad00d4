import path from 'node:path';
import { BenchChild } from './child';
import type { BenchEnvironment } from './environment';

/**
 * Limits far above anything a run can spend (the config's maxima): the bench
 * measures the hub, not the per-caller token buckets. The buckets' store is
 * still used (through its leases), as in production.
 */
export const RAISED_RATE_LIMITS = {
  RATE_LIMIT_IP_CAPACITY: '100000000',
  RATE_LIMIT_IP_REFILL_PER_SECOND: '1000000',
  RATE_LIMIT_KEY_CAPACITY: '100000000',
  RATE_LIMIT_KEY_REFILL_PER_SECOND: '1000000',
  RATE_LIMIT_USER_CAPACITY: '100000000',
  RATE_LIMIT_USER_REFILL_PER_SECOND: '1000000',
};

/** The environment of the hub under test; see the README's Performance section. */
export function hubEnv(env: BenchEnvironment, database: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: path.join(env.dir, `hub-${database}`),
    MONGODB_URI: env.mongodbUri,
    MONGODB_DATABASE: database,
    MONGODB_MONITOR_COMMANDS: 'true',
    S3_ENDPOINT: env.s3.endpoint,
    S3_REGION: env.s3.region,
    S3_ACCESS_KEY_ID: env.s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: env.s3.secretAccessKey,
    S3_BUCKET: 'bench',
    // Quiet background: the reconciler runs once at start (awaited before measuring),
    // no ingestion worker polls and no sweeper runs, so every command counted is a request's.
    SEARCH_RECONCILE_INTERVAL_MS: '0',
    INGEST_WORKERS: '0',
    UPLOAD_SWEEP_INTERVAL_SECONDS: '0',
    ...RAISED_RATE_LIMITS,
  };
}

export function startHubProcess(env: BenchEnvironment, database: string): Promise<BenchChild> {
  return BenchChild.start(path.join(__dirname, '..', 'hub-process.js'), hubEnv(env, database), {
    timeoutMs: 15 * 60_000,
  });
}
