import { Types } from 'mongoose';
import type { Logger } from 'pino';
import type { CatalogueScan } from './catalogue-scan';
import { indexedIds } from './indexed-ids';
import {
  itemRefOf,
  type CatalogueIndexer,
  type CatalogueItemRef,
  type IndexerPrefetch,
} from './indexer';
import type { SearchDocument } from './search-document';
import type { SearchEngine } from './search.port';
import type { SerialQueue } from './serial-queue';

export interface ReconcileReport {
  /** Catalogue items whose document was built and compared. */
  checked: number;
  /** Documents written because they were missing, stale, or (with `force`) always. */
  reindexed: number;
  /** Index entries removed because their catalogue item no longer exists. */
  removed: number;
  durationMs: number;
}

export interface ReconcileProgress {
  phase: 'series' | 'resources' | 'orphans';
  /** Items done in this phase. */
  done: number;
  /** Items expected in this phase (an estimate; 0 when unknown). */
  total: number;
}

export interface ReconcileOptions {
  /**
   * Write every document, not only stale ones (`npm run reindex`). Documents
   * are written as the scan built them, so a write racing the rebuild in a
   * live hub can be overwritten by an older document; that hub's next
   * reconcile repairs it.
   */
  force?: boolean;
  onProgress?: (progress: ReconcileProgress) => void;
}

export interface SearchReconcilerOptions {
  /** Period between runs; 0 runs only at start and when asked. */
  intervalMs: number;
  /** Catalogue items read, built and compared per step. */
  batchSize?: number;
  /** First retry delay after a failed run (doubling up to `intervalMs` or 10 minutes). */
  retryMs?: number;
}

/**
 * Brings the index back in line with MongoDB whatever was missed (engine down
 * during writes, a crash before the embedded snapshot was written, a renamed
 * unit, entries of deleted items): it builds every item's document afresh,
 * compares its stamp (see `indexer.ts`) with the indexed one, re-indexes the
 * stale and missing ones, and removes index entries whose item is gone. Runs
 * at hub start and then periodically; a run while another runs joins it.
 */
export class SearchReconciler {
  private readonly batchSize: number;
  private readonly retryMs: number;
  private running?: Promise<ReconcileReport>;
  private timer?: NodeJS.Timeout;
  private started = false;
  private failures = 0;

  constructor(
    private readonly deps: {
      engine: SearchEngine;
      indexer: CatalogueIndexer;
      scan: CatalogueScan;
      queue: SerialQueue;
      log: Logger;
    },
    private readonly options: SearchReconcilerOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.retryMs = options.retryMs ?? 5_000;
  }

  /** Runs once now (in the background) and then every `intervalMs`. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.tick();
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Resolves once no run is in progress (tests wait on it). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  run(options: ReconcileOptions = {}): Promise<ReconcileReport> {
    if (this.running && !options.force) return this.running;
    const run = (this.running ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.reconcile(options));
    this.running = run;
    void run
      .finally(() => {
        if (this.running === run) this.running = undefined;
      })
      .catch(() => undefined);
    return run;
  }

  private schedule(delayMs: number): void {
    if (!this.started || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.tick();
    }, delayMs);
    this.timer.unref();
  }

  /** One scheduled run; schedules the next (sooner after a failure). */
  private tick(): void {
    void this.run().then(
      (report) => {
        if (this.failures) this.deps.log.info('search index reconciled after engine recovery');
        this.failures = 0;
        if (report.reindexed || report.removed)
          this.deps.log.info({ ...report }, 'search index reconciled');
        if (this.options.intervalMs > 0) this.schedule(this.options.intervalMs);
      },
      (err: unknown) => {
        this.failures += 1;
        const cap = this.options.intervalMs > 0 ? this.options.intervalMs : 600_000;
        const retry = Math.min(cap, this.retryMs * 2 ** (this.failures - 1));
        const log = this.failures === 1 ? this.deps.log.warn : this.deps.log.debug;
        log.call(this.deps.log, { err, retryInMs: retry }, 'search index reconciliation failed');
        this.schedule(retry);
      },
    );
  }

  private async reconcile(options: ReconcileOptions): Promise<ReconcileReport> {
    const started = Date.now();
    const { engine, indexer, scan } = this.deps;
    // Fail fast (and retry later) rather than build every document for nothing.
    await engine.health();
    const [totals, series, adoptionCounts] = await Promise.all([
      scan.count(),
      scan.allSeries(),
      scan.adoptionCounts(),
    ]);
    const prefetch: IndexerPrefetch = { series, adoptionCounts };
    const seen = new Set<string>();
    const report: ReconcileReport = { checked: 0, reindexed: 0, removed: 0, durationMs: 0 };

    let done = 0;
    options.onProgress?.({ phase: 'series', done, total: series.length });
    for (let i = 0; i < series.length; i += this.batchSize) {
      const batch = series.slice(i, i + this.batchSize);
      await this.apply(await indexer.buildSeries(batch, prefetch), seen, report, options);
      done += batch.length;
      options.onProgress?.({ phase: 'series', done, total: series.length });
    }
    done = 0;
    options.onProgress?.({ phase: 'resources', done, total: totals.resources });
    for await (const batch of scan.resources(this.batchSize)) {
      await this.apply(await indexer.buildResources(batch, prefetch), seen, report, options);
      done += batch.length;
      options.onProgress?.({ phase: 'resources', done, total: Math.max(done, totals.resources) });
    }

    done = 0;
    options.onProgress?.({ phase: 'orphans', done, total: seen.size });
    for await (const ids of indexedIds(engine)) {
      done += ids.length;
      const candidates = ids.filter((id) => !seen.has(id));
      if (candidates.length) report.removed += await this.removeOrphans(candidates);
      options.onProgress?.({ phase: 'orphans', done, total: Math.max(done, seen.size) });
    }
    report.durationMs = Date.now() - started;
    return report;
  }

  /**
   * Compares one batch of documents built from the scan with the index and
   * writes the stale and missing ones. The scan's data may be older than a
   * write the search sync has indexed meanwhile, so (except in `force` mode,
   * where everything is written) stale items are re-built from MongoDB under
   * the write queue: the index never goes back to an older document.
   */
  private apply(
    documents: SearchDocument[],
    seen: Set<string>,
    report: ReconcileReport,
    options: ReconcileOptions,
  ): Promise<void> {
    const { engine, indexer, queue } = this.deps;
    for (const d of documents) seen.add(d.id);
    report.checked += documents.length;
    return queue.run(async () => {
      if (options.force) {
        await engine.index(documents);
        report.reindexed += documents.length;
        return;
      }
      const stamps = await engine.getStamps(documents.map((d) => d.id));
      const stale = documents.filter((d) => stamps.get(d.id) !== d.stamp);
      if (stale.length === 0) return;
      const rebuilt = await indexer.buildByRefs(
        stale.map((d) => itemRefOf(d.id)).filter((r): r is CatalogueItemRef => !!r),
      );
      if (rebuilt.documents.length) await engine.index(rebuilt.documents);
      if (rebuilt.missingIds.length) await engine.remove(rebuilt.missingIds);
      report.reindexed += rebuilt.documents.length;
    });
  }

  /**
   * Removes entries whose item does not exist. Candidates were not seen by the
   * scan, but an item created after the scan passed its id is not an orphan:
   * existence is re-checked under the write queue before removing.
   */
  private removeOrphans(candidates: string[]): Promise<number> {
    return this.deps.queue.run(async () => {
      const resources: Types.ObjectId[] = [];
      const series: Types.ObjectId[] = [];
      for (const id of candidates) {
        const ref = itemRefOf(id);
        if (ref?.type === 'RESOURCE') resources.push(new Types.ObjectId(ref.id));
        if (ref?.type === 'SERIES') series.push(new Types.ObjectId(ref.id));
      }
      const existing = await this.deps.scan.existing({ resources, series });
      const orphans = candidates.filter((id) => {
        const ref = itemRefOf(id);
        return !ref || !existing.has(ref.id);
      });
      if (orphans.length) await this.deps.engine.remove(orphans);
      return orphans.length;
    });
  }
}
