import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

/**
 * The hub's configuration, read from the environment in this one module and
 * validated once at start. A wrong or missing value stops the hub with a message
 * naming the variable and what it expects.
 */
export interface HubConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Absent: the hub starts an embedded FerretDB. */
  mongodbUri?: string;
  mongodbDatabase: string;
  /** Emit driver command events (tests count MongoDB commands per request with them). */
  mongodbMonitorCommands: boolean;
  /** Absent: the hub starts an embedded s3rver. */
  s3?: S3Config;
  s3Bucket: string;
  /** Absent: the embedded in-process search engine is used. */
  meili?: { host: string; apiKey?: string };
  /** How the search index follows the catalogue. */
  search: SearchIndexingConfig;
  /** How often old idempotency keys and idle rate buckets are swept (0: never). */
  housekeepingIntervalMs: number;
  shutdownGraceMs: number;
  introspection: boolean;
  /** The public portal API: CORS, rate limits, caching, batching, metrics. */
  portal: PortalConfig;
  /** Uploads and courseware ingestion (README, "Uploads and ingestion"). */
  uploads: UploadConfig;
}

/** Upload kinds, each with its own size limit. */
export type UploadKindName = 'PACKAGE' | 'VIDEO' | 'AUDIO' | 'DOCUMENT' | 'IMAGE';

export interface UploadConfig {
  /** Files larger than this use an S3 multipart upload (resumable); smaller ones one presigned PUT. */
  multipartThresholdBytes: number;
  /** Target part size; raised automatically so that no upload needs more than 10 000 parts. */
  partSizeBytes: number;
  maxBytes: Record<UploadKindName, number>;
  /** An upload not completed within this time is abandoned and swept. */
  ttlSeconds: number;
  /** Lifetime of presigned PUT / part URLs. */
  urlTtlSeconds: number;
  /** Lifetime of presigned launch (GET) URLs of package content and media. */
  launchUrlTtlSeconds: number;
  /**
   * Key that signs package launch URLs (`/content/<token>/…`). Every hub process serving
   * the same catalogue needs the same one; unset, each process makes a random one.
   */
  contentSigningSecret: string;
  /** Base URL clients reach this hub at, for absolute launch URLs; unset: the listening address. */
  publicUrl?: string;
  /** How often the hub sweeps abandoned uploads (0: never, e.g. when another process does). */
  sweepIntervalSeconds: number;
  /** Ingestion jobs run at once by this process (0: this process runs no worker). */
  workerConcurrency: number;
  /** How often an idle worker looks for jobs. */
  workerPollMs: number;
  /** A worker's claim on a job expires after this long without a heartbeat. */
  leaseSeconds: number;
  /** Attempts before a job that keeps failing for transient reasons is marked FAILED. */
  maxAttempts: number;
  /** First retry delay; doubles per attempt (capped at one hour). */
  retryBaseSeconds: number;
}

/** A token bucket: burst size and refill speed, in query-cost units. */
export interface RateLimitBucketConfig {
  capacity: number;
  refillPerSecond: number;
}

export interface PortalConfig {
  /**
   * Origins that may read answers in a browser without an API key that lists
   * them (`CORS_ORIGINS`). `any` (`*`) applies to credential-less requests only.
   */
  cors: { any: boolean; origins: string[] };
  /** Buckets per API key, per signed-in user, and per client IP for anonymous callers. */
  rateLimits: {
    apiKey: RateLimitBucketConfig;
    user: RateLimitBucketConfig;
    ip: RateLimitBucketConfig;
  };
  /** `max-age` of anonymous GET query answers; 0 turns public caching off. */
  publicCacheMaxAgeSeconds: number;
  /** Operations allowed in one batched (JSON array) request; 0 turns batching off. */
  batchMaxOperations: number;
  /** Bearer token for /metrics; absent: /metrics answers loopback callers only. */
  metricsToken?: string;
}

export interface SearchIndexingConfig {
  /** Period of the stamp-comparing reconciler (`SEARCH_RECONCILE_INTERVAL_MS`); 0: only at start. */
  reconcileIntervalMs: number;
  /** Quiet time before catalogue changes are written to the index (`SEARCH_SYNC_DEBOUNCE_MS`). */
  syncDebounceMs: number;
}

export interface S3Config {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration / 配置错误:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function isOrigin(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === value;
  } catch {
    return false;
  }
}

// Bucket sizes are in query-cost units: one bucket must hold the most expensive
// allowed query (cost limit 5000), or that query could never run.
const bucketSize = z.coerce
  .number({ message: 'expected an integer between 5000 and 100000000' })
  .int('expected an integer between 5000 and 100000000')
  .min(5_000, 'expected an integer between 5000 and 100000000')
  .max(100_000_000, 'expected an integer between 5000 and 100000000');
const refillRate = z.coerce
  .number({ message: 'expected a number of cost units per second, above 0' })
  .positive('expected a number of cost units per second, above 0')
  .max(1_000_000, 'expected at most 1000000 per second');

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;
const UNITS: Record<string, number> = {
  '': 1,
  B: 1,
  KIB: KiB,
  MIB: MiB,
  GIB: GiB,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
};

/** A byte count written as `67108864`, `64MiB`, `2GiB` or `500MB`, between `min` and `max`. */
export function parseByteSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMG]i?B|B)?\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]) * (UNITS[(m[2] ?? '').toUpperCase()] ?? NaN);
  return Number.isSafeInteger(Math.round(n)) ? Math.round(n) : undefined;
}

const byteSize = (min: number, max: number) => {
  const message = `expected a size between ${min} bytes and ${max / GiB} GiB, e.g. 64MiB`;
  return z.string().transform((v, ctx) => {
    const n = parseByteSize(v);
    if (n === undefined || n < min || n > max) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      return z.NEVER;
    }
    return n;
  });
};

const seconds = (min: number, max: number) =>
  z.coerce
    .number({ message: `expected whole seconds ${min}–${max}` })
    .int(`expected whole seconds ${min}–${max}`)
    .min(min, `expected whole seconds ${min}–${max}`)
    .max(max, `expected whole seconds ${min}–${max}`);

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ message: 'expected an integer port between 0 and 65535' })
    .int('expected an integer port between 0 and 65535')
    .min(0, 'expected an integer port between 0 and 65535')
    .max(65535, 'expected an integer port between 0 and 65535')
    .default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/.+/, 'expected a mongodb:// or mongodb+srv:// connection string')
    .optional(),
  MONGODB_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'expected a database name of letters, digits, _ or -')
    .default('learning_port'),
  S3_ENDPOINT: z.string().url('expected an http(s) URL such as http://127.0.0.1:9000').optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'expected an S3 bucket name (3-63 lowercase letters, digits, . or -)',
    )
    .default('learning-port'),
  S3_FORCE_PATH_STYLE: bool.default('true'),
  MEILI_HOST: z.string().url('expected an http(s) URL such as http://127.0.0.1:7700').optional(),
  MEILI_API_KEY: z.string().min(1).optional(),
  MONGODB_MONITOR_COMMANDS: bool.default('false'),
  CONTENT_SIGNING_SECRET: z
    .string()
    .min(32, 'expected at least 32 characters of secret')
    .optional(),
  PUBLIC_URL: z
    .string()
    .url('expected the hub’s public base URL such as https://xuexi.example.cn')
    .optional(),
  SEARCH_RECONCILE_INTERVAL_MS: z.coerce
    .number({ message: 'expected 0 (only at start) or milliseconds between 1000 and 86400000' })
    .int('expected 0 (only at start) or milliseconds between 1000 and 86400000')
    .refine((n) => n === 0 || (n >= 1_000 && n <= 86_400_000), {
      message: 'expected 0 (only at start) or milliseconds between 1000 and 86400000',
    })
    .default(600_000),
  HOUSEKEEPING_INTERVAL_SECONDS: z.coerce
    .number({ message: 'expected seconds between 0 and 86400' })
    .int('expected seconds between 0 and 86400')
    .min(0, 'expected seconds between 0 and 86400')
    .max(86_400, 'expected seconds between 0 and 86400')
    .default(3600),
  SEARCH_SYNC_DEBOUNCE_MS: z.coerce
    .number({ message: 'expected milliseconds between 0 and 10000' })
    .int('expected milliseconds between 0 and 10000')
    .min(0, 'expected milliseconds between 0 and 10000')
    .max(10_000, 'expected milliseconds between 0 and 10000')
    .default(100),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  UPLOAD_MULTIPART_THRESHOLD: byteSize(5 * MiB, 5 * GiB).default('64MiB'),
  UPLOAD_PART_SIZE: byteSize(5 * MiB, 5 * GiB).default('16MiB'),
  UPLOAD_MAX_PACKAGE: byteSize(1, 5 * GiB).default('2GiB'),
  UPLOAD_MAX_VIDEO: byteSize(1, 5 * GiB).default('4GiB'),
  UPLOAD_MAX_AUDIO: byteSize(1, 5 * GiB).default('1GiB'),
  UPLOAD_MAX_DOCUMENT: byteSize(1, 5 * GiB).default('500MiB'),
  UPLOAD_MAX_IMAGE: byteSize(1, 5 * GiB).default('50MiB'),
  UPLOAD_TTL_SECONDS: seconds(60, 30 * 86_400).default(86_400),
  UPLOAD_URL_TTL_SECONDS: seconds(60, 7 * 86_400).default(3_600),
  LAUNCH_URL_TTL_SECONDS: seconds(30, 86_400).default(900),
  UPLOAD_SWEEP_INTERVAL_SECONDS: seconds(0, 86_400).default(300),
  INGEST_WORKERS: z.coerce
    .number({ message: 'expected an integer 0–32' })
    .int('expected an integer 0–32')
    .min(0, 'expected an integer 0–32')
    .max(32, 'expected an integer 0–32')
    .default(2),
  INGEST_POLL_MS: z.coerce
    .number({ message: 'expected milliseconds 50–60000' })
    .int('expected milliseconds 50–60000')
    .min(50, 'expected milliseconds 50–60000')
    .max(60_000, 'expected milliseconds 50–60000')
    .default(1_000),
  INGEST_LEASE_SECONDS: seconds(5, 3_600).default(120),
  INGEST_MAX_ATTEMPTS: z.coerce
    .number({ message: 'expected an integer 1–20' })
    .int('expected an integer 1–20')
    .min(1, 'expected an integer 1–20')
    .max(20, 'expected an integer 1–20')
    .default(5),
  INGEST_RETRY_BASE_SECONDS: seconds(1, 3_600).default(10),
  GRAPHQL_INTROSPECTION: bool.optional(),
  CORS_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every((o) => o === '*' || isOrigin(o)), {
      message: 'expected * or a comma-separated list of origins such as https://xuexi.example.cn',
    })
    .optional(),
  RATE_LIMIT_KEY_CAPACITY: bucketSize.default(20_000),
  RATE_LIMIT_KEY_REFILL_PER_SECOND: refillRate.default(100),
  RATE_LIMIT_USER_CAPACITY: bucketSize.default(20_000),
  RATE_LIMIT_USER_REFILL_PER_SECOND: refillRate.default(100),
  RATE_LIMIT_IP_CAPACITY: bucketSize.default(5_000),
  RATE_LIMIT_IP_REFILL_PER_SECOND: refillRate.default(20),
  PUBLIC_CACHE_MAX_AGE: z.coerce
    .number({ message: 'expected whole seconds between 0 and 3600' })
    .int('expected whole seconds between 0 and 3600')
    .min(0, 'expected whole seconds between 0 and 3600')
    .max(3600, 'expected whole seconds between 0 and 3600')
    .default(60),
  GRAPHQL_BATCH_MAX: z.coerce
    .number({ message: 'expected an integer between 0 (batching off) and 20' })
    .int('expected an integer between 0 (batching off) and 20')
    .min(0, 'expected an integer between 0 (batching off) and 20')
    .max(20, 'expected an integer between 0 (batching off) and 20')
    .default(0),
  METRICS_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
});

/** Rules about which variables go together; they need only to know what is set. */
function presenceProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const s3Parts = ['S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'];
  for (const name of s3Parts) {
    if (env.S3_ENDPOINT && !env[name]) problems.push(`${name}: required when S3_ENDPOINT is set`);
    if (!env.S3_ENDPOINT && env[name]) {
      problems.push(`${name}: set, but S3_ENDPOINT is not; set S3_ENDPOINT too or unset ${name}`);
    }
  }
  if (env.MEILI_API_KEY && !env.MEILI_HOST) {
    problems.push(
      'MEILI_API_KEY: set, but MEILI_HOST is not; set MEILI_HOST too or unset MEILI_API_KEY',
    );
  }
  return problems;
}

/** Reads and validates the configuration; throws {@link ConfigError} listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  // Empty strings count as unset: `FOO= npm start` should not fail validation.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    // Report every problem at once: field errors and the cross-field rules that need only presence.
    throw new ConfigError([
      ...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      ...presenceProblems(cleaned),
    ]);
  }
  const v = parsed.data;
  const problems: string[] = [];

  problems.push(...presenceProblems(cleaned));
  let s3: S3Config | undefined;
  if (v.S3_ENDPOINT) {
    s3 = {
      endpoint: v.S3_ENDPOINT,
      region: v.S3_REGION ?? '',
      accessKeyId: v.S3_ACCESS_KEY_ID ?? '',
      secretAccessKey: v.S3_SECRET_ACCESS_KEY ?? '',
      forcePathStyle: v.S3_FORCE_PATH_STYLE,
    };
  }
  if (v.UPLOAD_PART_SIZE > v.UPLOAD_MULTIPART_THRESHOLD) {
    problems.push(
      'UPLOAD_PART_SIZE: must not exceed UPLOAD_MULTIPART_THRESHOLD (a multipart upload needs at least two parts)',
    );
  }
  if (problems.length) throw new ConfigError(problems);

  return {
    env: v.NODE_ENV,
    port: v.PORT,
    host: v.HOST,
    dataDir: path.resolve(v.DATA_DIR),
    logLevel: v.LOG_LEVEL,
    mongodbUri: v.MONGODB_URI,
    mongodbDatabase: v.MONGODB_DATABASE,
    mongodbMonitorCommands: v.MONGODB_MONITOR_COMMANDS,
    s3,
    s3Bucket: v.S3_BUCKET,
    meili: v.MEILI_HOST ? { host: v.MEILI_HOST, apiKey: v.MEILI_API_KEY } : undefined,
    search: {
      reconcileIntervalMs: v.SEARCH_RECONCILE_INTERVAL_MS,
      syncDebounceMs: v.SEARCH_SYNC_DEBOUNCE_MS,
    },
    housekeepingIntervalMs: v.HOUSEKEEPING_INTERVAL_SECONDS * 1000,
    shutdownGraceMs: v.SHUTDOWN_GRACE_MS,
    introspection: v.GRAPHQL_INTROSPECTION ?? v.NODE_ENV !== 'production',
    portal: {
      cors: {
        any: (v.CORS_ORIGINS ?? []).includes('*'),
        origins: (v.CORS_ORIGINS ?? []).filter((o) => o !== '*'),
      },
      rateLimits: {
        apiKey: {
          capacity: v.RATE_LIMIT_KEY_CAPACITY,
          refillPerSecond: v.RATE_LIMIT_KEY_REFILL_PER_SECOND,
        },
        user: {
          capacity: v.RATE_LIMIT_USER_CAPACITY,
          refillPerSecond: v.RATE_LIMIT_USER_REFILL_PER_SECOND,
        },
        ip: {
          capacity: v.RATE_LIMIT_IP_CAPACITY,
          refillPerSecond: v.RATE_LIMIT_IP_REFILL_PER_SECOND,
        },
      },
      publicCacheMaxAgeSeconds: v.PUBLIC_CACHE_MAX_AGE,
      batchMaxOperations: v.GRAPHQL_BATCH_MAX,
      metricsToken: v.METRICS_TOKEN,
    },
    uploads: {
      multipartThresholdBytes: v.UPLOAD_MULTIPART_THRESHOLD,
      partSizeBytes: v.UPLOAD_PART_SIZE,
      maxBytes: {
        PACKAGE: v.UPLOAD_MAX_PACKAGE,
        VIDEO: v.UPLOAD_MAX_VIDEO,
        AUDIO: v.UPLOAD_MAX_AUDIO,
        DOCUMENT: v.UPLOAD_MAX_DOCUMENT,
        IMAGE: v.UPLOAD_MAX_IMAGE,
      },
      ttlSeconds: v.UPLOAD_TTL_SECONDS,
      urlTtlSeconds: v.UPLOAD_URL_TTL_SECONDS,
      launchUrlTtlSeconds: v.LAUNCH_URL_TTL_SECONDS,
      contentSigningSecret: v.CONTENT_SIGNING_SECRET ?? randomBytes(32).toString('base64url'),
      publicUrl: v.PUBLIC_URL?.replace(/\/+$/, ''),
      sweepIntervalSeconds: v.UPLOAD_SWEEP_INTERVAL_SECONDS,
      workerConcurrency: v.INGEST_WORKERS,
      workerPollMs: v.INGEST_POLL_MS,
      leaseSeconds: v.INGEST_LEASE_SECONDS,
      maxAttempts: v.INGEST_MAX_ATTEMPTS,
      retryBaseSeconds: v.INGEST_RETRY_BASE_SECONDS,
    },
  };
}
