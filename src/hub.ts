import path from 'node:path';
import type { Logger } from 'pino';
import type { HubConfig } from './config';
import { createContainer, type Container } from './container';
import { startFerretdb, type EmbeddedFerretdb } from './embedded/ferretdb';
import { startS3rver, type EmbeddedS3 } from './embedded/s3rver';
import { writeRunFile } from './embedded/run-file';
import { buildHubSchema } from './graphql/schema';
import { connectDatabase } from './models/database';
import { createModels, syncIndexes } from './models/models';
import { createSearchEngine } from './search/create-search-engine';
import { startSearchIndexing, type SearchIndexing } from './search/search-indexing';
import { startHttpServer, type HubHttpServer } from './server/http-app';
import { createS3Client, ensureBucket } from './storage/s3-client';

export interface RunningHub {
  url: string;
  container: Container;
  http: HubHttpServer;
  /** Search sync and reconciler keeping the index in line with the catalogue. */
  searchIndexing: SearchIndexing;
  embedded: { ferretdb?: EmbeddedFerretdb; s3?: EmbeddedS3 };
  /** Drains HTTP, then closes the database, search and embedded services. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Load the demo organisation tree, people and catalogue (idempotent). */
  demo?: boolean;
  /** Called once the hub is ready, with the container, before HTTP starts (tests seed here). */
  beforeListen?: (container: Container) => Promise<void>;
}

/**
 * Starts the hub: embedded services where no external ones are configured,
 * then MongoDB, S3 and search clients, then HTTP. On any failure whatever was
 * started is stopped again, so a failed start leaves no process behind.
 */
export async function startHub(
  config: HubConfig,
  log: Logger,
  opts: StartOptions = {},
): Promise<RunningHub> {
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse())
      await fn().catch((err) => log.error({ err }, 'cleanup step failed'));
    cleanups.length = 0;
  };
  const embedded: RunningHub['embedded'] = {};

  try {
    let mongodbUri = config.mongodbUri;
    if (!mongodbUri) {
      log.info('MONGODB_URI not set: starting embedded FerretDB (SQLite)');
      embedded.ferretdb = await startFerretdb({
        dataDir: path.join(config.dataDir, 'ferretdb'),
        log: (m) => log.info(m),
      });
      cleanups.push(() => embedded.ferretdb!.stop());
      mongodbUri = embedded.ferretdb.uri;
      const removeRunFile = writeRunFile(config.dataDir, mongodbUri);
      cleanups.push(async () => removeRunFile());
    }
    let s3Config = config.s3;
    if (!s3Config) {
      log.info('S3_ENDPOINT not set: starting embedded s3rver');
      embedded.s3 = await startS3rver({ dataDir: path.join(config.dataDir, 's3') });
      cleanups.push(() => embedded.s3!.stop());
      s3Config = embedded.s3.config;
    }

    const connection = await connectDatabase(mongodbUri, config.mongodbDatabase, {
      monitorCommands: config.mongodbMonitorCommands,
    });
    cleanups.push(() => connection.close());
    const models = createModels(connection);
    await syncIndexes(models);

    const s3 = createS3Client(s3Config);
    cleanups.push(async () => s3.destroy());
    await ensureBucket(s3, config.s3Bucket);

    const search = createSearchEngine({
      meili: config.meili,
      dataDir: path.join(config.dataDir, 'search'),
    });
    cleanups.push(() => search.close());
    await search.configure();

    const container = createContainer({ config, log, models, s3, search });
    if (opts.demo) {
      const { seedDemo } = await import('./demo/seed-demo');
      await seedDemo(container);
    }
    await opts.beforeListen?.(container);

    // Search follows the catalogue from here on; the reconciler's first run
    // (in the background) catches up with whatever changed while it did not.
    const searchIndexing = startSearchIndexing(container);
    cleanups.push(() => searchIndexing.stop());

    // Uploads and ingestion (issue 4): indexes, then this process's worker and sweeper.
    await container.repos.syncUploadIndexes();
    cleanups.push(container.services.ingest.startBackground());
    // Age-based cleanup of bookkeeping records (FerretDB has no TTL indexes).
    cleanups.push(container.services.housekeeping.start(config.housekeepingIntervalMs));

    const schema = await buildHubSchema();
    const http = await startHttpServer(container, schema, { port: config.port, host: config.host });
    cleanups.push(() => http.stop());
    container.services.ingest.setPublicBaseUrl(http.url);
    log.info({ url: http.url, graphql: `${http.url}/graphql` }, '学习港已启动 / hub is ready');

    let stopping: Promise<void> | undefined;
    return {
      url: http.url,
      container,
      http,
      searchIndexing,
      embedded,
      stop: () => (stopping ??= cleanup()),
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
