import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig, type HubConfig } from '../../src/config';
import type { Container } from '../../src/container';
import { startHub, type RunningHub } from '../../src/hub';
import { readTestServices } from '../setup/test-services';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
  };
}

export interface TestHub {
  hub: RunningHub;
  container: Container;
  url: string;
  config: HubConfig;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    opts?: { token?: string; headers?: Record<string, string> },
  ): Promise<GqlResponse<T>>;
  stop(): Promise<void>;
}

/**
 * Starts a real hub on the test run's embedded FerretDB and s3rver, with a
 * database and bucket of its own so test files never see each other's data.
 */
export async function startTestHub(
  opts: { env?: Record<string, string>; beforeListen?: (c: Container) => Promise<void> } = {},
): Promise<TestHub> {
  const services = readTestServices();
  const suffix = randomBytes(4).toString('hex');
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: process.env.HUB_TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'hub-test-data-')),
    MONGODB_URI: process.env.MONGODB_URI ?? services?.mongodbUri,
    MONGODB_DATABASE: `test_${suffix}`,
    S3_BUCKET: `test-${suffix}`,
    SHUTDOWN_GRACE_MS: '2000',
    ...(services?.s3 && !process.env.S3_ENDPOINT
      ? {
          S3_ENDPOINT: services.s3.endpoint,
          S3_REGION: services.s3.region,
          S3_ACCESS_KEY_ID: services.s3.accessKeyId,
          S3_SECRET_ACCESS_KEY: services.s3.secretAccessKey,
        }
      : {}),
    ...opts.env,
  };
  if (!env.MONGODB_URI)
    throw new Error(
      'no MongoDB for tests: run through jest (global setup starts FerretDB) or set MONGODB_URI',
    );
  const config = loadConfig(env);
  const log = pino({ level: config.logLevel });
  const hub = await startHub(config, log, { beforeListen: opts.beforeListen });
  return {
    hub,
    container: hub.container,
    url: hub.url,
    config,
    async gql(query, variables, o = {}) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        ...(o.headers ?? {}),
      };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      const res = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`non-JSON response ${res.status}: ${text.slice(0, 300)}`);
      }
      return { status: res.status, headers: res.headers, body };
    },
    async stop() {
      await hub.container.models.connection.db?.dropDatabase().catch(() => undefined);
      await hub.stop();
    },
  };
}
