import { Types, type FilterQuery } from 'mongoose';
import type { Models } from '../models';
import type { OrgLevel, OrgUnitDoc } from './org-unit.model';

export interface OrgUnitListFilter {
  level?: OrgLevel;
  parentId?: Types.ObjectId;
  /** Only units strictly below this one. */
  withinId?: Types.ObjectId;
  /** Name or code contains this text. */
  text?: string;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class OrgUnitRepository {
  constructor(private readonly models: Models) {}

  findById(id: Types.ObjectId): Promise<OrgUnitDoc | null> {
    return this.models.OrgUnit.findById(id).lean<OrgUnitDoc>().exec();
  }

  findByCode(code: string): Promise<OrgUnitDoc | null> {
    return this.models.OrgUnit.findOne({ code }).lean<OrgUnitDoc>().exec();
  }

  /** One query for many ids; callers re-order (DataLoader does). */
  findByIds(ids: readonly Types.ObjectId[]): Promise<OrgUnitDoc[]> {
    return this.models.OrgUnit.find({ _id: { $in: ids } })
      .lean<OrgUnitDoc[]>()
      .exec();
  }

  toQuery(filter: OrgUnitListFilter): FilterQuery<OrgUnitDoc> {
    const q: FilterQuery<OrgUnitDoc> = {};
    if (filter.level) q.level = filter.level;
    if (filter.parentId) q.parentId = filter.parentId;
    if (filter.withinId) q.ancestorIds = filter.withinId;
    if (filter.text) {
      const re = new RegExp(escapeRegex(filter.text));
      q.$or = [{ name: re }, { code: re }, { regionName: re }];
    }
    return q;
  }

  /** A page in code order, starting after `afterCode`; fetches one extra row to tell if more follow. */
  async page(
    filter: OrgUnitListFilter,
    opts: { afterCode?: string; limit: number },
  ): Promise<OrgUnitDoc[]> {
    const q = this.toQuery(filter);
    if (opts.afterCode !== undefined) q.code = { $gt: opts.afterCode };
    return this.models.OrgUnit.find(q)
      .sort({ code: 1 })
      .limit(opts.limit)
      .lean<OrgUnitDoc[]>()
      .exec();
  }

  count(filter: OrgUnitListFilter): Promise<number> {
    return this.models.OrgUnit.countDocuments(this.toQuery(filter)).exec();
  }

  async insert(
    unit: Omit<OrgUnitDoc, '_id' | 'createdAt' | 'updatedAt'> & { _id?: Types.ObjectId },
  ): Promise<OrgUnitDoc> {
    const created = await this.models.OrgUnit.create(unit);
    return created.toObject();
  }

  /** Upsert by code (the identity of a unit); used by the demo seed so it can run twice. */
  async upsertByCode(
    unit: Omit<OrgUnitDoc, '_id' | 'createdAt' | 'updatedAt'>,
  ): Promise<OrgUnitDoc> {
    await this.models.OrgUnit.updateOne(
      { code: unit.code },
      { $set: unit },
      { upsert: true },
    ).exec();
    const saved = await this.findByCode(unit.code);
    if (!saved) throw new Error(`org unit ${unit.code} vanished after upsert`);
    return saved;
  }
}
