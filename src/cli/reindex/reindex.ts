import path from 'node:path';
import type { HubConfig } from '../../config';
import type { Container } from '../../container';
import { readRunFile } from '../../embedded/run-file';
import { CatalogueScan } from '../../search/catalogue-scan';
import { createSearchEngine } from '../../search/create-search-engine';
import { CatalogueIndexer } from '../../search/indexer';
import { SearchReconciler, type ReconcileReport } from '../../search/reconciler';
import { SerialQueue } from '../../search/serial-queue';
import type { ReconcileProgress } from '../../search/reconciler';

export class HubOwnsEmbeddedIndexError extends Error {
  constructor() {
    super(
      '正在运行的学习港持有内嵌搜索索引，它会在启动时及每隔 SEARCH_RECONCILE_INTERVAL_MS 自行校准；请先停止它再重建 / ' +
        'a running hub owns the embedded search index (it reconciles itself at start and every ' +
        'SEARCH_RECONCILE_INTERVAL_MS); stop it before rebuilding, or restart it to reconcile now',
    );
    this.name = 'HubOwnsEmbeddedIndexError';
  }
}

/**
 * Rebuilds the search index from MongoDB: every resource and series is built
 * and written (not only stale ones), then entries of items that no longer
 * exist are removed. Search keeps answering meanwhile: nothing is cleared
 * first. With Meilisearch this works against a live hub; the embedded index
 * lives in a hub's memory and snapshot, so it is rebuilt here only when no
 * hub is running on the data directory (the snapshot is what a hub loads).
 */
export async function reindex(
  config: HubConfig,
  container: Container,
  onProgress?: (p: ReconcileProgress) => void,
): Promise<ReconcileReport> {
  if (!config.meili && readRunFile(config.dataDir)) throw new HubOwnsEmbeddedIndexError();
  const engine = createSearchEngine({
    meili: config.meili,
    dataDir: path.join(config.dataDir, 'search'),
  });
  try {
    await engine.configure();
    const reconciler = new SearchReconciler(
      {
        engine,
        indexer: new CatalogueIndexer(container.repos),
        scan: new CatalogueScan(container.models),
        queue: new SerialQueue(),
        log: container.log,
      },
      { intervalMs: 0 },
    );
    return await reconciler.run({ force: true, onProgress });
  } finally {
    // Closing the embedded engine writes its snapshot.
    await engine.close();
  }
}
