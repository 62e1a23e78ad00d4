import type { Container } from '../container';
import { CatalogueScan } from './catalogue-scan';
import { CatalogueIndexer } from './indexer';
import { SearchReconciler } from './reconciler';
import { SearchSync } from './search-sync';
import { SerialQueue } from './serial-queue';

/** What keeps the search index in line with the catalogue while the hub runs. */
export interface SearchIndexing {
  indexer: CatalogueIndexer;
  sync: SearchSync;
  reconciler: SearchReconciler;
  /** Stops following the catalogue; call before closing the engine. */
  stop(): Promise<void>;
}

/**
 * Starts the search sync (follows catalogue events) and the reconciler (at
 * start, then every `SEARCH_RECONCILE_INTERVAL_MS`) on `container.search`.
 * Both write through one queue, so their writes never interleave.
 */
export function startSearchIndexing(container: Container): SearchIndexing {
  const engine = container.search;
  const log = container.log.child({ component: 'search-indexing' });
  const indexer = new CatalogueIndexer(container.repos);
  const queue = new SerialQueue();
  const sync = new SearchSync(
    { events: container.catalogueEvents, engine, indexer, queue, log },
    { debounceMs: container.config.search.syncDebounceMs },
  );
  const reconciler = new SearchReconciler(
    { engine, indexer, scan: new CatalogueScan(container.models), queue, log },
    { intervalMs: container.config.search.reconcileIntervalMs },
  );
  sync.start();
  reconciler.start();
  return {
    indexer,
    sync,
    reconciler,
    async stop() {
      await reconciler.stop();
      await sync.stop();
    },
  };
}
