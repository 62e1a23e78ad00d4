import { Types } from 'mongoose';
import type { AssetModels } from './asset-models';
import type { UploadDoc, UploadPartDoc, UploadStatus } from './upload.model';

export class UploadRepository {
  constructor(private readonly models: AssetModels) {}

  async insert(doc: Omit<UploadDoc, 'createdAt' | 'updatedAt'>): Promise<UploadDoc> {
    await this.models.Upload.create(doc);
    const created = await this.findById(doc._id);
    if (!created) throw new Error(`upload ${doc._id.toHexString()} missing right after insert`);
    return created;
  }

  findById(id: Types.ObjectId): Promise<UploadDoc | null> {
    return this.models.Upload.findById(id).lean<UploadDoc>().exec();
  }

  findByIds(ids: readonly Types.ObjectId[]): Promise<UploadDoc[]> {
    return this.models.Upload.find({ _id: { $in: ids } })
      .lean<UploadDoc[]>()
      .exec();
  }

  /** Newest first, uploads of `unitId` and the units below it. */
  listWithin(unitId: Types.ObjectId, limit: number, status?: UploadStatus): Promise<UploadDoc[]> {
    return this.models.Upload.find({ unitPath: unitId, ...(status ? { status } : {}) })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit)
      .lean<UploadDoc[]>()
      .exec();
  }

  async set(id: Types.ObjectId, set: Partial<UploadDoc>): Promise<UploadDoc | null> {
    await this.models.Upload.updateOne({ _id: id }, { $set: set }).exec();
    return this.findById(id);
  }

  /** Pending uploads whose time is up, oldest first. */
  findExpired(now: Date, limit: number): Promise<UploadDoc[]> {
    return this.models.Upload.find({ status: 'PENDING', expiresAt: { $lte: now } })
      .sort({ expiresAt: 1 })
      .limit(limit)
      .lean<UploadDoc[]>()
      .exec();
  }

  /** Records (or re-records, after a retried part) one stored part. */
  async recordPart(part: UploadPartDoc): Promise<void> {
    await this.models.UploadPart.updateOne(
      { _id: part._id },
      { $set: part },
      { upsert: true },
    ).exec();
  }

  parts(uploadId: Types.ObjectId): Promise<UploadPartDoc[]> {
    return this.models.UploadPart.find({ uploadId })
      .sort({ partNumber: 1 })
      .lean<UploadPartDoc[]>()
      .exec();
  }

  async deleteParts(uploadId: Types.ObjectId): Promise<void> {
    await this.models.UploadPart.deleteMany({ uploadId }).exec();
  }
}
