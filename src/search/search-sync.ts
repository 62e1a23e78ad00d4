import type { Logger } from 'pino';
import type { CatalogueEventBus } from '../services/catalogue/catalogue-events';
import { searchIdOf, type CatalogueIndexer, type CatalogueItemRef } from './indexer';
import type { SearchEngine } from './search.port';
import type { SerialQueue } from './serial-queue';

export interface SearchSyncOptions {
  /** Quiet time after a change before the batch is written; bursts become one write. */
  debounceMs: number;
  /** Items per engine write. */
  batchSize?: number;
  /** Retry delays while the engine fails: doubling from `minMs` up to `maxMs`. */
  retry?: { minMs: number; maxMs: number };
  /** Changes kept for retry while the engine is down; beyond it the reconciler catches up. */
  maxPending?: number;
}

/**
 * Keeps the search index following the catalogue: every catalogue event
 * re-indexes the item it names, debounced and batched. It never fails a
 * catalogue write: the event bus already isolates listeners, and this only
 * queues. When the engine fails, the changes stay queued and are retried with
 * backoff; if the queue overflows, or the process dies meanwhile, the
 * reconciler finds the stale entries by their stamps.
 */
export class SearchSync {
  private readonly pending = new Map<string, CatalogueItemRef>();
  private readonly batchSize: number;
  private readonly retry: { minMs: number; maxMs: number };
  private readonly maxPending: number;
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private failures = 0;
  private dropped = 0;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly deps: {
      events: CatalogueEventBus;
      engine: SearchEngine;
      indexer: CatalogueIndexer;
      queue: SerialQueue;
      log: Logger;
    },
    private readonly options: SearchSyncOptions,
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.retry = options.retry ?? { minMs: 1_000, maxMs: 60_000 };
    this.maxPending = options.maxPending ?? 10_000;
  }

  start(): void {
    this.unsubscribe ??= this.deps.events.subscribe((change) => {
      this.enqueue([{ type: change.type, id: change.id }]);
    });
  }

  /** Queues items for re-indexing (their documents are built when the batch is written). */
  enqueue(refs: readonly CatalogueItemRef[]): void {
    for (const ref of refs) {
      const key = searchIdOf(ref);
      if (!this.pending.has(key) && this.pending.size >= this.maxPending) {
        this.dropped += 1;
        continue;
      }
      this.pending.set(key, ref);
    }
    this.schedule(this.failures ? this.backoffMs() : this.options.debounceMs);
  }

  /**
   * Writes everything queued now, and waits for writes already under way;
   * resolves when written or failed (for shutdown and tests).
   */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const run = this.drain();
    this.inFlight.add(run);
    try {
      await run;
    } finally {
      this.inFlight.delete(run);
    }
    await Promise.all(this.inFlight);
  }

  /** Stops listening and makes a last attempt to write what is queued. */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await Promise.all(this.inFlight);
    if (this.pending.size && !this.failures) await this.flush();
    if (this.pending.size) {
      this.deps.log.warn(
        { pending: this.pending.size },
        'search sync stopped with changes not yet indexed; the reconciler will catch up at next start',
      );
    }
  }

  private schedule(delayMs: number): void {
    if (this.timer || !this.unsubscribe) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    while (this.pending.size) {
      const batch = Array.from(this.pending.entries()).slice(0, this.batchSize);
      for (const [key] of batch) this.pending.delete(key);
      const refs = batch.map(([, ref]) => ref);
      try {
        await this.deps.queue.run(async () => {
          const { documents, missingIds } = await this.deps.indexer.buildByRefs(refs);
          if (documents.length) await this.deps.engine.index(documents);
          if (missingIds.length) await this.deps.engine.remove(missingIds);
        });
        if (this.failures) this.deps.log.info('search index writes succeed again');
        this.failures = 0;
      } catch (err) {
        // Put the batch back (newer changes to the same items already queued win).
        for (const [key, ref] of batch) if (!this.pending.has(key)) this.pending.set(key, ref);
        this.failures += 1;
        const log = this.failures === 1 ? this.deps.log.warn : this.deps.log.debug;
        log.call(
          this.deps.log,
          { err, pending: this.pending.size, retryInMs: this.backoffMs() },
          'search index write failed; catalogue writes are unaffected, retrying',
        );
        this.schedule(this.backoffMs());
        return;
      }
    }
    if (this.dropped) {
      this.deps.log.warn(
        { dropped: this.dropped },
        'search sync queue overflowed while the engine was failing; the reconciler will re-index those items',
      );
      this.dropped = 0;
    }
  }

  private backoffMs(): number {
    return Math.min(this.retry.maxMs, this.retry.minMs * 2 ** Math.max(0, this.failures - 1));
  }
}
