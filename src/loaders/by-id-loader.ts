import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { BATCH_OPTIONS } from './batch-schedule';

/**
 * A loader of documents by hex id over a repository's `findByIds`-style
 * method: one query per batch, results in key order, null for misses.
 */
export function byIdLoader<T extends { _id: Types.ObjectId }>(
  find: (ids: Types.ObjectId[]) => Promise<T[]>,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await find(ids.map((id) => new Types.ObjectId(id)));
    const byId = new Map(rows.map((row) => [row._id.toHexString(), row]));
    return ids.map((id) => byId.get(id) ?? null);
  }, BATCH_OPTIONS);
}
