import type { Collection, Db } from 'mongodb';

/** An operation registered for one API key; `_id` is `${credentialId}:${sha256}`. */
export interface PersistedOperationDocument {
  _id: string;
  credentialId: string;
  sha256: string;
  name: string;
  query: string;
  createdAt: Date;
}

export const PERSISTED_OPERATIONS_COLLECTION = 'portal_persisted_operations';

const DUPLICATE_KEY = 11000;

/**
 * The per-key safelists. The `_id` holds key and hash, so the check made on
 * every request of a safelisted key is one lookup by `_id`, and registering
 * the same query twice is a duplicate insert, not a second entry.
 */
export class PersistedOperationRepository {
  readonly collection: Collection<PersistedOperationDocument>;

  constructor(db: Db) {
    this.collection = db.collection<PersistedOperationDocument>(PERSISTED_OPERATIONS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ credentialId: 1, createdAt: -1 });
  }

  /** Inserts; an operation already registered for the key is returned as it was stored. */
  async insert(doc: PersistedOperationDocument): Promise<PersistedOperationDocument> {
    try {
      await this.collection.insertOne(doc);
      return doc;
    } catch (err) {
      if ((err as { code?: unknown }).code !== DUPLICATE_KEY) throw err;
      return (await this.collection.findOne({ _id: doc._id })) ?? doc;
    }
  }

  async exists(credentialId: string, sha256: string): Promise<boolean> {
    const doc = await this.collection.findOne(
      { _id: `${credentialId}:${sha256}` },
      { projection: { _id: 1 } },
    );
    return doc !== null;
  }

  listForKey(credentialId: string): Promise<PersistedOperationDocument[]> {
    return this.collection.find({ credentialId }).sort({ createdAt: -1 }).limit(500).toArray();
  }

  countForKey(credentialId: string): Promise<number> {
    return this.collection.countDocuments({ credentialId });
  }
}
