import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Collection, Db } from 'mongodb';

/** One cache entry; `_id` is the cache key (for APQ `apq:<sha256>`). */
export interface CacheEntryDocument {
  _id: string;
  value: string;
  /** Null: kept until deleted. Checked on read (FerretDB has no TTL indexes). */
  expiresAt: Date | null;
}

/** Default collection of the persisted-query cache. */
export const APQ_COLLECTION = 'portal_apq';

const DUPLICATE_KEY = 11000;

/**
 * A `KeyValueCache` in MongoDB, so that automatic persisted queries
 * registered through one hub process are found by every other one (an
 * in-memory cache would answer PERSISTED_QUERY_NOT_FOUND whenever the load
 * balancer picks another process, and clients would resend full queries).
 *
 * Made for content-addressed values: the key is a hash of the value, so two
 * writers of one key write the same thing. `set` is therefore a plain insert
 * whose duplicate-key error is success (idempotent, atomic on FerretDB too,
 * where only unique inserts are), refreshing the expiry when a TTL is given.
 * Expired entries are ignored on read and removed then; nothing sweeps them.
 */
export class MongoKeyValueCache implements KeyValueCache<string> {
  readonly collection: Collection<CacheEntryDocument>;

  constructor(
    db: Db,
    collectionName = APQ_COLLECTION,
    private readonly now: () => number = Date.now,
  ) {
    this.collection = db.collection<CacheEntryDocument>(collectionName);
  }

  async get(key: string): Promise<string | undefined> {
    const doc = await this.collection.findOne({ _id: key });
    if (!doc) return undefined;
    if (doc.expiresAt && doc.expiresAt.getTime() <= this.now()) {
      await this.collection
        .deleteOne({ _id: key, expiresAt: doc.expiresAt })
        .catch(() => undefined);
      return undefined;
    }
    return doc.value;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = options?.ttl;
    const expiresAt = ttl ? new Date(this.now() + ttl * 1000) : null;
    try {
      await this.collection.insertOne({ _id: key, value, expiresAt });
    } catch (err) {
      if ((err as { code?: unknown }).code !== DUPLICATE_KEY) throw err;
      await this.collection.updateOne({ _id: key }, { $set: { value, expiresAt } });
    }
  }

  async delete(key: string): Promise<boolean> {
    const result = await this.collection.deleteOne({ _id: key });
    return result.deletedCount === 1;
  }
}
