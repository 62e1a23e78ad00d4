import path from 'node:path';
import pino from 'pino';
import type { HubConfig } from '../config';
import { createContainer, type Container } from '../container';
import { startFerretdb } from '../embedded/ferretdb';
import { readRunFile } from '../embedded/run-file';
import { connectDatabase } from '../models/database';
import { createModels, syncIndexes } from '../models/models';
import { createSearchEngine } from '../search/create-search-engine';
import { createS3Client } from '../storage/s3-client';

/**
 * Runs a CLI action against the hub's database: MONGODB_URI when configured;
 * else the embedded FerretDB of a running hub (found through its run file);
 * else a FerretDB started just for this command on the same data directory.
 */
export async function withContainer<T>(
  config: HubConfig,
  action: (c: Container) => Promise<T>,
): Promise<T> {
  const log = pino({ level: 'warn' });
  let uri = config.mongodbUri ?? readRunFile(config.dataDir);
  let stopFerret: (() => Promise<void>) | undefined;
  if (!uri) {
    const ferret = await startFerretdb({ dataDir: path.join(config.dataDir, 'ferretdb') });
    uri = ferret.uri;
    stopFerret = ferret.stop;
  }
  const connection = await connectDatabase(uri, config.mongodbDatabase);
  try {
    const models = createModels(connection);
    await syncIndexes(models);
    // The CLI's actions touch neither S3 nor search; the clients exist only to satisfy the container.
    const s3 = createS3Client(
      config.s3 ?? {
        endpoint: 'http://127.0.0.1:1',
        region: 'us-east-1',
        accessKeyId: 'x',
        secretAccessKey: 'x',
        forcePathStyle: true,
      },
    );
    const search = createSearchEngine({ meili: config.meili });
    const container = createContainer({ config, log, models, s3, search });
    try {
      return await action(container);
    } finally {
      s3.destroy();
      await search.close();
    }
  } finally {
    await connection.close();
    await stopFerret?.();
  }
}
