import type { Types } from 'mongoose';
import { isDuplicateKeyError } from '../database';
import type { Models } from '../models';
import type { AdoptionDoc } from './adoption.model';

export class AdoptionRepository {
  constructor(private readonly models: Models) {}

  /** Inserts the adoption, or returns the existing one: adopting twice is one adoption. */
  async insertOnce(
    doc: Omit<AdoptionDoc, '_id' | 'createdAt'>,
  ): Promise<{ adoption: AdoptionDoc; created: boolean }> {
    try {
      const created = await this.models.Adoption.create(doc);
      return { adoption: created.toObject(), created: true };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const existing = await this.models.Adoption.findOne({
        unitId: doc.unitId,
        itemId: doc.itemId,
      })
        .lean<AdoptionDoc>()
        .exec();
      if (!existing) throw err;
      return { adoption: existing, created: false };
    }
  }

  async remove(unitId: Types.ObjectId, itemId: Types.ObjectId): Promise<boolean> {
    const res = await this.models.Adoption.deleteOne({ unitId, itemId }).exec();
    return res.deletedCount === 1;
  }

  findById(id: Types.ObjectId): Promise<AdoptionDoc | null> {
    return this.models.Adoption.findById(id).lean<AdoptionDoc>().exec();
  }

  /** Adoptions made by a unit, newest first. */
  byUnit(unitId: Types.ObjectId, limit: number, skip = 0): Promise<AdoptionDoc[]> {
    return this.models.Adoption.find({ unitId })
      .sort({ createdAt: -1, _id: -1 })
      .skip(skip)
      .limit(limit)
      .lean<AdoptionDoc[]>()
      .exec();
  }

  /** Adoptions of a unit's own items by other units, newest first. */
  ofOwner(ownerUnitId: Types.ObjectId, limit: number, skip = 0): Promise<AdoptionDoc[]> {
    return this.models.Adoption.find({ itemOwnerUnitId: ownerUnitId })
      .sort({ createdAt: -1, _id: -1 })
      .skip(skip)
      .limit(limit)
      .lean<AdoptionDoc[]>()
      .exec();
  }

  countByUnit(unitId: Types.ObjectId): Promise<number> {
    return this.models.Adoption.countDocuments({ unitId }).exec();
  }

  countOfOwner(ownerUnitId: Types.ObjectId): Promise<number> {
    return this.models.Adoption.countDocuments({ itemOwnerUnitId: ownerUnitId }).exec();
  }

  /** All adoptions of these items, for counting and listing adopters (one query per batch). */
  ofItems(itemIds: readonly Types.ObjectId[]): Promise<AdoptionDoc[]> {
    return this.models.Adoption.find({ itemId: { $in: itemIds } })
      .lean<AdoptionDoc[]>()
      .exec();
  }

  /** Every adoption by a unit (bounded), for update notices. */
  allByUnit(unitId: Types.ObjectId, max = 5000): Promise<AdoptionDoc[]> {
    return this.models.Adoption.find({ unitId }).limit(max).lean<AdoptionDoc[]>().exec();
  }

  async markSeen(id: Types.ObjectId, version: number): Promise<void> {
    await this.models.Adoption.updateOne({ _id: id }, { $set: { seenVersion: version } }).exec();
  }
}
