import DataLoader from 'dataloader';
import { BATCH_OPTIONS } from './batch-schedule';
import { Types } from 'mongoose';
import type { UserDoc } from '../models/user/user.model';
import type { UserRepository } from '../models/user/user.repository';

/** Users by hex id, one query per batch; results in key order, null for misses. */
export function createUserLoader(users: UserRepository) {
  return new DataLoader<string, UserDoc | null>(async (ids) => {
    const rows = await users.findByIds(ids.map((id) => new Types.ObjectId(id)));
    const byId = new Map(rows.map((row) => [row._id.toHexString(), row]));
    return ids.map((id) => byId.get(id) ?? null);
  }, BATCH_OPTIONS);
}
