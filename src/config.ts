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
  /** Absent: the hub starts an embedded s3rver. */
  s3?: S3Config;
  s3Bucket: string;
  /** Absent: the embedded in-process search engine is used. */
  meili?: { host: string; apiKey?: string };
  shutdownGraceMs: number;
  introspection: boolean;
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
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  GRAPHQL_INTROSPECTION: bool.optional(),
});

/** Reads and validates the configuration; throws {@link ConfigError} listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  // Empty strings count as unset: `FOO= npm start` should not fail validation.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const v = parsed.data;
  const problems: string[] = [];

  let s3: S3Config | undefined;
  if (v.S3_ENDPOINT) {
    for (const name of ['S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
      if (!v[name]) problems.push(`${name}: required when S3_ENDPOINT is set`);
    }
    s3 = {
      endpoint: v.S3_ENDPOINT,
      region: v.S3_REGION ?? '',
      accessKeyId: v.S3_ACCESS_KEY_ID ?? '',
      secretAccessKey: v.S3_SECRET_ACCESS_KEY ?? '',
      forcePathStyle: v.S3_FORCE_PATH_STYLE,
    };
  } else {
    for (const name of ['S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
      if (v[name])
        problems.push(`${name}: set, but S3_ENDPOINT is not; set S3_ENDPOINT too or unset ${name}`);
    }
  }
  if (v.MEILI_API_KEY && !v.MEILI_HOST) {
    problems.push(
      'MEILI_API_KEY: set, but MEILI_HOST is not; set MEILI_HOST too or unset MEILI_API_KEY',
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
    s3,
    s3Bucket: v.S3_BUCKET,
    meili: v.MEILI_HOST ? { host: v.MEILI_HOST, apiKey: v.MEILI_API_KEY } : undefined,
    shutdownGraceMs: v.SHUTDOWN_GRACE_MS,
    introspection: v.GRAPHQL_INTROSPECTION ?? v.NODE_ENV !== 'production',
  };
}
