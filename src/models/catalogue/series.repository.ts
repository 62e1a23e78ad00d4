import { Types, type FilterQuery } from 'mongoose';
import { isDuplicateKeyError } from '../database';
import type { Models } from '../models';
import type { CatalogueHistoryDoc } from './catalogue-history.model';
import type { SeriesDoc } from './series.model';
import { applyVersionedChange, recordHistoryOnce } from './versioned-write';

export class SeriesRepository {
  constructor(private readonly models: Models) {}

  findById(id: Types.ObjectId): Promise<SeriesDoc | null> {
    return this.models.Series.findById(id).lean<SeriesDoc>().exec();
  }

  findByIds(ids: readonly Types.ObjectId[]): Promise<SeriesDoc[]> {
    return this.models.Series.find({ _id: { $in: ids } })
      .lean<SeriesDoc[]>()
      .exec();
  }

  /** Series that contain any of these resources as episodes (one query per batch). */
  containing(resourceIds: readonly Types.ObjectId[]): Promise<SeriesDoc[]> {
    return this.models.Series.find({ episodeIds: { $in: resourceIds } })
      .lean<SeriesDoc[]>()
      .exec();
  }

  count(filter: FilterQuery<SeriesDoc>): Promise<number> {
    return this.models.Series.countDocuments(filter).exec();
  }

  page(
    filter: FilterQuery<SeriesDoc>,
    after: { value: number; id: string } | undefined,
    limit: number,
  ): Promise<SeriesDoc[]> {
    const and: FilterQuery<SeriesDoc>[] = [filter];
    if (after) {
      const at = new Date(after.value);
      const id = new Types.ObjectId(after.id);
      and.push({ $or: [{ updatedAt: { $lt: at } }, { updatedAt: at, _id: { $lt: id } }] });
    }
    return this.models.Series.find({ $and: and })
      .sort({ updatedAt: -1, _id: -1 })
      .limit(limit + 1)
      .lean<SeriesDoc[]>()
      .exec();
  }

  async insertOnce(doc: Omit<SeriesDoc, 'createdAt' | 'updatedAt'>): Promise<void> {
    try {
      await this.models.Series.create(doc);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  applyVersionedChange(
    id: Types.ObjectId,
    set: Partial<SeriesDoc>,
    entry: Omit<CatalogueHistoryDoc, '_id'>,
  ): Promise<boolean> {
    return applyVersionedChange(this.models.CatalogueHistory, this.models.Series, id, set, entry);
  }

  addCreationHistory(entry: Omit<CatalogueHistoryDoc, '_id'>): Promise<void> {
    return recordHistoryOnce(this.models.CatalogueHistory, entry);
  }
}
