import { Types, type FilterQuery } from 'mongoose';
import { isDuplicateKeyError } from '../database';
import type { Models } from '../models';
import type { CatalogueHistoryDoc, IdempotencyDoc } from './catalogue-history.model';
import type { ResourceDoc } from './resource.model';
import { applyVersionedChange, recordHistoryOnce } from './versioned-write';

export type ResourceSortField = 'updatedAt' | 'createdAt';
export interface ResourceKeysetPage {
  filter: FilterQuery<ResourceDoc>;
  sortField: ResourceSortField;
  direction: 1 | -1;
  /** Keyset position to continue from (exclusive). */
  after?: { value: number; id: string };
  limit: number;
}

export class ResourceRepository {
  constructor(private readonly models: Models) {}

  findById(id: Types.ObjectId): Promise<ResourceDoc | null> {
    return this.models.Resource.findById(id).lean<ResourceDoc>().exec();
  }

  findByIds(ids: readonly Types.ObjectId[]): Promise<ResourceDoc[]> {
    return this.models.Resource.find({ _id: { $in: ids } })
      .lean<ResourceDoc[]>()
      .exec();
  }

  findOne(filter: FilterQuery<ResourceDoc>): Promise<ResourceDoc | null> {
    return this.models.Resource.findOne(filter).lean<ResourceDoc>().exec();
  }

  count(filter: FilterQuery<ResourceDoc>): Promise<number> {
    return this.models.Resource.countDocuments(filter).exec();
  }

  /** One page by keyset (sort value, then _id), fetching one extra row to tell whether more follow. */
  page(p: ResourceKeysetPage): Promise<ResourceDoc[]> {
    const and: FilterQuery<ResourceDoc>[] = [p.filter];
    if (p.after) {
      const op = p.direction === -1 ? '$lt' : '$gt';
      const at = new Date(p.after.value);
      const id = new Types.ObjectId(p.after.id);
      and.push({
        $or: [{ [p.sortField]: { [op]: at } }, { [p.sortField]: at, _id: { [op]: id } }],
      } as FilterQuery<ResourceDoc>);
    }
    return this.models.Resource.find({ $and: and })
      .sort({ [p.sortField]: p.direction, _id: p.direction })
      .limit(p.limit + 1)
      .lean<ResourceDoc[]>()
      .exec();
  }

  /** Inserts with a chosen id; a duplicate id means an earlier attempt already created it. */
  async insertOnce(
    doc: Omit<ResourceDoc, 'createdAt' | 'updatedAt'>,
  ): Promise<'created' | 'existed'> {
    try {
      await this.models.Resource.create(doc);
      return 'created';
    } catch (err) {
      if (isDuplicateKeyError(err)) return 'existed';
      throw err;
    }
  }

  /** See {@link applyVersionedChange}: exactly one writer per version wins. */
  applyVersionedChange(
    id: Types.ObjectId,
    set: Partial<ResourceDoc>,
    entry: Omit<CatalogueHistoryDoc, '_id'>,
  ): Promise<boolean> {
    return applyVersionedChange(this.models.CatalogueHistory, this.models.Resource, id, set, entry);
  }

  addCreationHistory(entry: Omit<CatalogueHistoryDoc, '_id'>): Promise<void> {
    return recordHistoryOnce(this.models.CatalogueHistory, entry);
  }

  history(itemId: Types.ObjectId, limit: number): Promise<CatalogueHistoryDoc[]> {
    return this.models.CatalogueHistory.find({ itemId })
      .sort({ version: -1 })
      .limit(limit)
      .lean<CatalogueHistoryDoc[]>()
      .exec();
  }

  /** Claims an idempotency key; returns the existing claim when another request got there first. */
  async claimIdempotencyKey(claim: IdempotencyDoc): Promise<IdempotencyDoc> {
    try {
      await this.models.Idempotency.create(claim);
      return claim;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const existing = await this.models.Idempotency.findById(claim._id)
        .lean<IdempotencyDoc>()
        .exec();
      if (!existing) throw err;
      return existing;
    }
  }
}
