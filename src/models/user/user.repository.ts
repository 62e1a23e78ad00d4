import type { Types } from 'mongoose';
import type { Models } from '../models';
import type { Role, UserDoc } from './user.model';

export class UserRepository {
  constructor(private readonly models: Models) {}

  findById(id: Types.ObjectId): Promise<UserDoc | null> {
    return this.models.User.findById(id).lean<UserDoc>().exec();
  }

  findByUsername(username: string): Promise<UserDoc | null> {
    return this.models.User.findOne({ username: username.toLowerCase() }).lean<UserDoc>().exec();
  }

  findByIds(ids: readonly Types.ObjectId[]): Promise<UserDoc[]> {
    return this.models.User.find({ _id: { $in: ids } })
      .lean<UserDoc[]>()
      .exec();
  }

  listByUnit(unitId: Types.ObjectId): Promise<UserDoc[]> {
    return this.models.User.find({ unitId })
      .sort({ username: 1 })
      .limit(1000)
      .lean<UserDoc[]>()
      .exec();
  }

  async create(user: {
    username: string;
    displayName: string;
    unitId: Types.ObjectId;
    roles: Role[];
  }): Promise<UserDoc> {
    const created = await this.models.User.create({
      ...user,
      username: user.username.toLowerCase(),
    });
    return created.toObject();
  }

  /** Upsert by username; used by the demo seed so it can run twice. */
  async upsertByUsername(user: {
    username: string;
    displayName: string;
    unitId: Types.ObjectId;
    roles: Role[];
  }): Promise<UserDoc> {
    const username = user.username.toLowerCase();
    await this.models.User.updateOne(
      { username },
      { $set: { ...user, username, disabled: false } },
      { upsert: true },
    ).exec();
    const saved = await this.findByUsername(username);
    if (!saved) throw new Error(`user ${username} vanished after upsert`);
    return saved;
  }
}
