import type { Model, Types } from 'mongoose';
import { isDuplicateKeyError } from '../database';
import type { CatalogueHistoryDoc } from './catalogue-history.model';

/**
 * Moves a catalogue item (resource or series) from `entry.version - 1` to
 * `entry.version`, recording the change. The history entry is inserted first
 * and is the lock: its unique (itemId, version) index lets exactly one writer
 * claim the next version. A filtered updateOne alone is not enough, because
 * FerretDB 1.24 on SQLite reads and writes an update in separate steps, so
 * two writers holding the same version could both match. Returns false when
 * another writer got there first (the caller reports a conflict).
 */
export async function applyVersionedChange<T extends { version: number }>(
  history: Model<CatalogueHistoryDoc>,
  items: Model<T>,
  id: Types.ObjectId,
  set: Partial<T>,
  entry: Omit<CatalogueHistoryDoc, '_id'>,
): Promise<boolean> {
  try {
    await history.create(entry);
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
  const res = await items
    .updateOne(
      { _id: id, version: entry.version - 1 } as never,
      { $set: { ...set, version: entry.version } } as never,
    )
    .exec();
  return res.matchedCount === 1;
}

/** Records an entry that may already exist (a retried create); duplicates are ignored. */
export async function recordHistoryOnce(
  history: Model<CatalogueHistoryDoc>,
  entry: Omit<CatalogueHistoryDoc, '_id'>,
): Promise<void> {
  try {
    await history.create(entry);
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
}
