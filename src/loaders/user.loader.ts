import type { UserRepository } from '../models/user/user.repository';
import { byIdLoader } from './by-id-loader';

/** Users by hex id, one query per batch; results in key order, null for misses. */
export function createUserLoader(users: UserRepository) {
  return byIdLoader((ids) => users.findByIds(ids));
}
