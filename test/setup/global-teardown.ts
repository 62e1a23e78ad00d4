import { rmSync } from 'node:fs';
import type { EmbeddedFerretdb } from '../../src/embedded/ferretdb';
import type { EmbeddedS3 } from '../../src/embedded/s3rver';
import { readTestServices } from './test-services';

export default async function globalTeardown(): Promise<void> {
  if (process.env.HUB_TEST_NO_SERVICES === '1') return;
  const g = globalThis as Record<string, unknown>;
  await (g.__FERRETDB__ as EmbeddedFerretdb | undefined)?.stop();
  await (g.__S3RVER__ as EmbeddedS3 | undefined)?.stop();
  const services = readTestServices();
  if (services?.root && !process.env.HUB_TEST_KEEP_DATA)
    rmSync(services.root, { recursive: true, force: true });
}
