import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFerretdb } from '../../src/embedded/ferretdb';
import { startS3rver } from '../../src/embedded/s3rver';
import { TEST_SERVICES_ENV, type TestServices } from './test-services';

/**
 * Starts the real embedded services once for the whole test run: FerretDB
 * (unless MONGODB_URI points at a real MongoDB) and s3rver (unless S3_ENDPOINT
 * is set). Each test file then uses its own database so files stay independent.
 * HUB_TEST_NO_SERVICES=1 skips them for quick runs of pure unit tests.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.HUB_TEST_NO_SERVICES === '1') return;
  const root = mkdtempSync(path.join(os.tmpdir(), 'learning-port-test-'));
  const services: TestServices = { root };

  if (!process.env.MONGODB_URI) {
    const dataDir = path.join(root, 'ferretdb');
    mkdirSync(dataDir, { recursive: true });
    const ferret = await startFerretdb({ dataDir, log: (m) => console.log(`[test setup] ${m}`) });
    services.mongodbUri = ferret.uri;
    services.ferretdbPid = ferret.process.pid;
    (globalThis as Record<string, unknown>).__FERRETDB__ = ferret;
  }
  if (!process.env.S3_ENDPOINT) {
    const s3 = await startS3rver({ dataDir: path.join(root, 's3') });
    services.s3 = s3.config;
    (globalThis as Record<string, unknown>).__S3RVER__ = s3;
  }
  process.env[TEST_SERVICES_ENV] = JSON.stringify(services);
}
