import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { freePort } from './free-port';
import type { S3Config } from '../config';

// s3rver ships no types; this is the part of its API the hub uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
};

export interface EmbeddedS3 {
  config: S3Config;
  stop(): Promise<void>;
}

/** Well-known credentials of s3rver; it checks signatures against them. */
const S3RVER_KEY = 'S3RVER';

/**
 * Starts s3rver in this process on a free loopback port, storing objects under
 * `dataDir`. Running in-process means it can never outlive the hub or the tests.
 */
export async function startS3rver(opts: { dataDir: string; port?: number }): Promise<EmbeddedS3> {
  mkdirSync(opts.dataDir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    directory: opts.dataDir,
    silent: true,
    resetOnClose: false,
    allowMismatchedSignatures: false,
  });
  const address = await server.run();
  return {
    config: {
      endpoint: `http://127.0.0.1:${address.port}`,
      region: 'us-east-1',
      accessKeyId: S3RVER_KEY,
      secretAccessKey: S3RVER_KEY,
      forcePathStyle: true,
    },
    stop: () => server.close(),
  };
}
