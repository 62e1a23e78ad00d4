import type { Collection } from 'mongodb';
import {
  BucketState,
  BucketStore,
  Clock,
  RateLimitResult,
  TokenBucketConfig,
  consumeTokens,
  systemClock,
} from './token-bucket';

/** One bucket as stored: `v` is the compare-and-set version. */
export interface BucketDocument {
  _id: string;
  tokens: number;
  updatedAt: Date;
  v: number;
}

/** Options of `MongoBucketStore`. */
export interface MongoBucketStoreOptions {
  clock?: Clock;
  /** Read-compute-write rounds before giving up on a hot key (default 12). */
  maxAttempts?: number;
  /** Upper bound of the first random back-off in ms; doubles per lost race, capped at 50 ms (default 2). */
  backoffMs?: number;
}

/** Suggested collection name. */
export const RATE_LIMIT_COLLECTION = 'portal_rate_buckets';

const DUPLICATE_KEY = 11000;

/**
 * Token buckets shared by all hub processes, one document per key.
 *
 * The database is FerretDB, which has no transactions, pipeline updates or
 * `$expr`, so consumption is an optimistic compare-and-set on `v` with plain
 * equality filters and `$set`/`$inc`: read the bucket, compute the new state
 * in process, `updateOne({ _id, v }, …)`; if another process won the race
 * (`matchedCount` 0), back off a random moment and start over. The first use
 * of a key inserts the document; a racing insert fails with duplicate key
 * 11000 on `_id` and that process starts over too. Refusals write nothing.
 *
 * If every attempt loses, the request is refused with reason `contention`
 * (fail closed: only a client hammering one key in parallel gets there).
 * Database errors propagate; the caller chooses fail-open or fail-closed.
 * Stale buckets are not expired here (a full bucket and a missing one behave
 * the same, so deleting documents older than capacity/refill is always safe).
 */
export class MongoBucketStore implements BucketStore {
  private readonly clock: Clock;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;

  constructor(
    private readonly collection: Collection<BucketDocument>,
    options: MongoBucketStoreOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.maxAttempts = options.maxAttempts ?? 12;
    this.backoffMs = options.backoffMs ?? 2;
  }

  async consume(key: string, cost: number, config: TokenBucketConfig): Promise<RateLimitResult> {
    let last: RateLimitResult | undefined;
    for (let attempt = 0; attempt < this.maxAttempts; attempt += 1) {
      if (attempt > 0) await this.backoff(attempt);
      const doc = await this.collection.findOne({ _id: key });
      const stored: BucketState | undefined = doc
        ? { tokens: doc.tokens, updatedAt: doc.updatedAt.getTime() }
        : undefined;
      const { state, result } = consumeTokens(stored, cost, config, this.clock.now());
      last = result;
      if (!result.allowed) return result;

      const fields = { tokens: state.tokens, updatedAt: new Date(state.updatedAt) };
      if (!doc) {
        try {
          await this.collection.insertOne({ _id: key, ...fields, v: 1 });
          return result;
        } catch (err) {
          if ((err as { code?: unknown }).code === DUPLICATE_KEY) continue;
          throw err;
        }
      }
      const update = await this.collection.updateOne(
        { _id: key, v: doc.v },
        { $set: fields, $inc: { v: 1 } },
      );
      if (update.matchedCount === 1) return result;
    }
    return {
      ...(last as RateLimitResult),
      allowed: false,
      retryAfterSeconds: 1,
      reason: 'contention',
    };
  }

  /** Forgets a key's bucket (it starts full on next use). */
  async reset(key: string): Promise<void> {
    await this.collection.deleteOne({ _id: key });
  }

  // Random ("full jitter") back-off so racing processes stop colliding in lockstep.
  private backoff(attempt: number): Promise<void> {
    const ceiling = Math.min(50, this.backoffMs * 2 ** (attempt - 1));
    return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
  }
}
