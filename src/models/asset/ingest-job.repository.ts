import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../database';
import type { AssetModels } from './asset-models';
import type { IngestClaimDoc, IngestJobDoc, IngestJobStatus } from './ingest-job.model';

export class IngestJobRepository {
  constructor(private readonly models: AssetModels) {}

  /** Queues the job of an upload; a second call for the same upload returns the first job. */
  async insertOnce(doc: Omit<IngestJobDoc, 'createdAt' | 'updatedAt'>): Promise<IngestJobDoc> {
    try {
      await this.models.IngestJob.create(doc);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const job = await this.models.IngestJob.findOne({ uploadId: doc.uploadId })
      .lean<IngestJobDoc>()
      .exec();
    if (!job) throw new Error(`ingest job of upload ${doc.uploadId.toHexString()} missing`);
    return job;
  }

  findById(id: Types.ObjectId): Promise<IngestJobDoc | null> {
    return this.models.IngestJob.findById(id).lean<IngestJobDoc>().exec();
  }

  findByIds(ids: readonly Types.ObjectId[]): Promise<IngestJobDoc[]> {
    return this.models.IngestJob.find({ _id: { $in: ids } })
      .lean<IngestJobDoc[]>()
      .exec();
  }

  listWithin(
    unitId: Types.ObjectId,
    limit: number,
    status?: IngestJobStatus,
  ): Promise<IngestJobDoc[]> {
    return this.models.IngestJob.find({ unitPath: unitId, ...(status ? { status } : {}) })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit)
      .lean<IngestJobDoc[]>()
      .exec();
  }

  /**
   * Jobs that may need a worker: PENDING ones due now, and PROCESSING ones
   * whose lease hint ran out (their worker may have died). Equality on
   * `status` keeps the filter simple for FerretDB; the rest is checked here.
   */
  async findRunnable(now: Date, limit: number): Promise<IngestJobDoc[]> {
    const [pending, processing] = await Promise.all([
      this.models.IngestJob.find({ status: 'PENDING' })
        .sort({ nextRunAt: 1 })
        .limit(limit * 4)
        .lean<IngestJobDoc[]>()
        .exec(),
      this.models.IngestJob.find({ status: 'PROCESSING' })
        .limit(limit * 4)
        .lean<IngestJobDoc[]>()
        .exec(),
    ]);
    return [
      ...pending.filter((j) => j.nextRunAt <= now),
      ...processing.filter((j) => !j.leaseExpiresAt || j.leaseExpiresAt <= now),
    ].slice(0, limit);
  }

  async set(id: Types.ObjectId, set: Partial<IngestJobDoc>): Promise<void> {
    await this.models.IngestJob.updateOne({ _id: id }, { $set: set }).exec();
  }

  /** Inserts a claim; false when another worker holds that attempt already. */
  async insertClaim(claim: IngestClaimDoc): Promise<boolean> {
    try {
      await this.models.IngestClaim.create(claim);
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  findClaim(id: string): Promise<IngestClaimDoc | null> {
    return this.models.IngestClaim.findById(id).lean<IngestClaimDoc>().exec();
  }

  claims(jobId: Types.ObjectId): Promise<IngestClaimDoc[]> {
    return this.models.IngestClaim.find({ jobId })
      .sort({ attempt: 1 })
      .lean<IngestClaimDoc[]>()
      .exec();
  }

  /** Heartbeat or release: only the claim's owner writes its expiry. */
  async setClaimExpiry(id: string, expiresAt: Date): Promise<void> {
    await this.models.IngestClaim.updateOne({ _id: id }, { $set: { expiresAt } }).exec();
  }
}
