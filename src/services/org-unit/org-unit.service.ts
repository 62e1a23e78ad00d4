import { Types } from 'mongoose';
import { BadUserInputError, NotFoundError } from '../../errors/app-errors';
import type { OrgLevel, OrgUnitDoc } from '../../models/org-unit/org-unit.model';
import type { OrgUnitRepository } from '../../models/org-unit/org-unit.repository';
import type { UnitRef } from '../../auth/policy';

export interface OrgUnitPageArgs {
  level?: OrgLevel;
  parentId?: Types.ObjectId;
  withinId?: Types.ObjectId;
  text?: string;
  first: number;
  afterCode?: string;
}

export interface OrgUnitPage {
  nodes: OrgUnitDoc[];
  hasNextPage: boolean;
  count: () => Promise<number>;
}

/** The organisation tree is public knowledge: reading it needs no authorization. */
export class OrgUnitService {
  constructor(private readonly units: OrgUnitRepository) {}

  async get(id: Types.ObjectId): Promise<OrgUnitDoc> {
    const unit = await this.units.findById(id);
    if (!unit) throw new NotFoundError('找不到该单位 / organisation unit not found');
    return unit;
  }

  async getByCode(code: string): Promise<OrgUnitDoc> {
    if (!/^\d{6}(\d{3}){0,2}$/.test(code)) {
      throw new BadUserInputError(
        '单位代码应为 6、9 或 12 位数字 / code must be a 6, 9 or 12 digit division code',
        'code',
      );
    }
    const unit = await this.units.findByCode(code);
    if (!unit) throw new NotFoundError(`找不到代码为 ${code} 的单位 / no unit with code ${code}`);
    return unit;
  }

  async page(args: OrgUnitPageArgs): Promise<OrgUnitPage> {
    const filter = {
      level: args.level,
      parentId: args.parentId,
      withinId: args.withinId,
      text: args.text,
    };
    const rows = await this.units.page(filter, {
      afterCode: args.afterCode,
      limit: args.first + 1,
    });
    return {
      nodes: rows.slice(0, args.first),
      hasNextPage: rows.length > args.first,
      count: () => this.units.count(filter),
    };
  }

  async ancestors(unit: OrgUnitDoc): Promise<OrgUnitDoc[]> {
    const found = await this.units.findByIds(unit.ancestorIds);
    const byId = new Map(found.map((u) => [u._id.toHexString(), u]));
    return unit.ancestorIds
      .map((id) => byId.get(id.toHexString()))
      .filter((u): u is OrgUnitDoc => !!u);
  }

  /** The unit as the policy module sees it. */
  static toRef(unit: Pick<OrgUnitDoc, '_id' | 'ancestorIds'>): UnitRef {
    return {
      id: unit._id.toHexString(),
      ancestorIds: unit.ancestorIds.map((a) => a.toHexString()),
    };
  }

  /** Ancestors then the unit itself, as hex ids. */
  static pathOf(unit: Pick<OrgUnitDoc, '_id' | 'ancestorIds'>): string[] {
    return [...unit.ancestorIds.map((a) => a.toHexString()), unit._id.toHexString()];
  }
}
