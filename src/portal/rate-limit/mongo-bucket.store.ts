import type { Collection, Db } from 'mongodb';
import {
  BucketState,
  BucketStore,
  Clock,
  RateLimitResult,
  TokenBucketConfig,
  consumeTokens,
  systemClock,
} from './token-bucket';

/** One bucket as stored: `v` is its version, bumped by every write. */
export interface BucketDocument {
  _id: string;
  tokens: number;
  updatedAt: Date;
  v: number;
}

/** A writer's exclusive right to move bucket `key` to version `v`: `_id` is `${key}#${v}`. */
export interface BucketClaimDocument {
  _id: string;
  createdAt: Date;
}

/** Options of `MongoBucketStore`. */
export interface MongoBucketStoreOptions {
  clock?: Clock;
  /** Bucket collection (default `portal_rate_buckets`); claims go to `<name>_claims`. */
  collectionName?: string;
  /** Read-claim-write rounds before giving up on a hot key (default 30). */
  maxAttempts?: number;
  /** Upper bound of the first random back-off in ms; doubles per lost race, capped at 50 ms (default 2). */
  backoffMs?: number;
  /** A claim older than this is taken to belong to a crashed writer and is removed (default 10 s). */
  claimLeaseMs?: number;
}

/** Default bucket collection name. */
export const RATE_LIMIT_COLLECTION = 'portal_rate_buckets';

const DUPLICATE_KEY = 11000;

const isDuplicateKey = (err: unknown) => (err as { code?: unknown }).code === DUPLICATE_KEY;

/**
 * Token buckets shared by all hub processes, one document per key
 * `{ _id: key, tokens, updatedAt, v }`.
 *
 * Why claims and not a plain compare-and-set: on FerretDB 1.x (SQLite) an
 * `updateOne({ _id, v }, …)` is not atomic. The handler queries the
 * matching document, then writes it back by `_id` in a separate transaction,
 * so concurrent writers that read the same `v` all "match" and all write
 * (the tests show it, and concurrent `$inc` loses updates the same way).
 * The one atomic primitive is the unique `_id` of an insert. So the move
 * from version `v` to `v + 1` is guarded by inserting the claim document
 * `${key}#${v + 1}`: exactly one writer gets it, the others get duplicate key
 * 11000, back off and re-read. The winner writes the bucket with `$set`
 * (keeping the `{ _id, v }` filter as a second guard) and drops the previous
 * claim, so each key keeps one or two claim documents. The first use of a key
 * is an insert of the bucket itself, guarded by its unique `_id` the same way.
 * Only equality filters, `insertOne`, `updateOne` with `$set`, and `deleteOne`
 * are used; no transactions.
 *
 * A writer that crashes between claim and write would block its key; a claim
 * older than `claimLeaseMs` is therefore deleted by the next contender. (A
 * writer stalled for longer than the lease could then overwrite one later
 * update: at worst a few requests too many, never a stuck key.)
 *
 * Refusals write nothing. If every attempt loses, the request is refused with
 * reason `contention` (fail closed; only one client hammering one key in
 * parallel gets there). Database errors propagate: the caller picks fail-open
 * or fail-closed. Stale buckets are not expired here; deleting documents
 * whose bucket would be full again is always safe.
 */
export class MongoBucketStore implements BucketStore {
  readonly buckets: Collection<BucketDocument>;
  readonly claims: Collection<BucketClaimDocument>;
  private readonly clock: Clock;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly claimLeaseMs: number;

  constructor(db: Db, options: MongoBucketStoreOptions = {}) {
    const name = options.collectionName ?? RATE_LIMIT_COLLECTION;
    this.buckets = db.collection<BucketDocument>(name);
    this.claims = db.collection<BucketClaimDocument>(`${name}_claims`);
    this.clock = options.clock ?? systemClock;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 30);
    this.backoffMs = options.backoffMs ?? 2;
    this.claimLeaseMs = options.claimLeaseMs ?? 10_000;
  }

  async consume(key: string, cost: number, config: TokenBucketConfig): Promise<RateLimitResult> {
    let last: RateLimitResult | undefined;
    for (let attempt = 0; attempt < this.maxAttempts; attempt += 1) {
      if (attempt > 0) await this.backoff(attempt);
      const doc = await this.buckets.findOne({ _id: key });
      const stored: BucketState | undefined = doc
        ? { tokens: doc.tokens, updatedAt: doc.updatedAt.getTime() }
        : undefined;
      const now = this.clock.now();
      const { state, result } = consumeTokens(stored, cost, config, now);
      last = result;
      if (!result.allowed) return result;
      const fields = { tokens: state.tokens, updatedAt: new Date(state.updatedAt) };

      if (!doc) {
        try {
          await this.buckets.insertOne({ _id: key, ...fields, v: 1 });
          return result;
        } catch (err) {
          if (isDuplicateKey(err)) continue; // another process created it first
          throw err;
        }
      }

      const claimId = `${key}#${doc.v + 1}`;
      try {
        await this.claims.insertOne({ _id: claimId, createdAt: new Date(now) });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        await this.releaseIfStale(claimId, now);
        continue; // someone else is moving (or moved) the bucket past version v
      }
      const update = await this.buckets.updateOne(
        { _id: key, v: doc.v },
        { $set: { ...fields, v: doc.v + 1 } },
      );
      if (update.matchedCount === 1) {
        // The claim for version v is no longer needed by anyone: only a reader
        // of version v - 1 could still try it, and its write would not match.
        await this.claims.deleteOne({ _id: `${key}#${doc.v}` }).catch(() => undefined);
        return result;
      }
      // Our read was stale (the claim was for a version already passed): drop it and retry.
      await this.claims.deleteOne({ _id: claimId }).catch(() => undefined);
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
    const doc = await this.buckets.findOne({ _id: key });
    await this.buckets.deleteOne({ _id: key });
    if (doc) {
      // Versions restart at 1. Writers leave only the current claim behind, so these are
      // the ones a new bucket could collide with; any older orphan expires with the lease.
      await this.claims.deleteOne({ _id: `${key}#${doc.v}` });
      await this.claims.deleteOne({ _id: `${key}#${doc.v + 1}` });
    }
  }

  // A claim whose writer died would block the key for ever: expire it.
  private async releaseIfStale(claimId: string, now: number): Promise<void> {
    const claim = await this.claims.findOne({ _id: claimId });
    if (claim && now - claim.createdAt.getTime() > this.claimLeaseMs) {
      await this.claims.deleteOne({ _id: claimId, createdAt: claim.createdAt });
    }
  }

  // Random ("full jitter") back-off so racing processes stop colliding in lockstep.
  private backoff(attempt: number): Promise<void> {
    const ceiling = Math.min(50, this.backoffMs * 2 ** (attempt - 1));
    return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
  }
}
