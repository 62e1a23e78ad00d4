import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { Models } from '../../models/models';
import { RATE_LIMIT_COLLECTION } from '../../portal/rate-limit/mongo-bucket.store';

const DAY_MS = 86_400_000;

export interface HousekeepingOptions {
  /** Idempotency keys older than this are forgotten (a retry after it creates anew). */
  idempotencyTtlMs: number;
  /**
   * Rate-limit buckets idle this long are deleted. Idle longer than the time a
   * bucket needs to refill, a deleted bucket and a full one are the same.
   */
  idleBucketTtlMs: number;
}

export const DEFAULT_HOUSEKEEPING: HousekeepingOptions = {
  idempotencyTtlMs: 7 * DAY_MS,
  idleBucketTtlMs: DAY_MS,
};

export interface HousekeepingReport {
  idempotencyKeys: number;
  rateBuckets: number;
  rateClaims: number;
}

/**
 * Deletes bookkeeping records by age. FerretDB has no TTL indexes, so what
 * MongoDB would expire by itself is swept here by time (like abandoned
 * uploads, which the upload sweeper handles).
 */
export class HousekeepingService {
  constructor(
    private readonly models: Models,
    private readonly db: Db,
    private readonly log: Logger,
    private readonly options: HousekeepingOptions = DEFAULT_HOUSEKEEPING,
  ) {}

  async sweep(now: Date = new Date()): Promise<HousekeepingReport> {
    const idempotencyBefore = new Date(now.getTime() - this.options.idempotencyTtlMs);
    const idleBefore = new Date(now.getTime() - this.options.idleBucketTtlMs);
    const idempotency = await this.models.Idempotency.deleteMany({
      createdAt: { $lt: idempotencyBefore },
    }).exec();
    // Claims before buckets: a recreated bucket starts its versions again, and an
    // old claim with the same id would make its first writer wait for the claim lease.
    const claims = await this.db
      .collection(`${RATE_LIMIT_COLLECTION}_claims`)
      .deleteMany({ createdAt: { $lt: idleBefore } });
    const buckets = await this.db
      .collection(RATE_LIMIT_COLLECTION)
      .deleteMany({ updatedAt: { $lt: idleBefore } });
    const report = {
      idempotencyKeys: idempotency.deletedCount,
      rateBuckets: buckets.deletedCount,
      rateClaims: claims.deletedCount,
    };
    if (report.idempotencyKeys || report.rateBuckets || report.rateClaims)
      this.log.info(report, 'housekeeping sweep');
    return report;
  }

  /** Sweeps every `intervalMs` (0: never); returns a stop function. */
  start(intervalMs: number): () => Promise<void> {
    if (intervalMs <= 0) return async () => undefined;
    let running: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      running = this.sweep().catch((err) => this.log.warn({ err }, 'housekeeping sweep failed'));
    }, intervalMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await running;
    };
  }
}
