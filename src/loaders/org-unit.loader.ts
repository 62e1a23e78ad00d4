import DataLoader from 'dataloader';
import { BATCH_OPTIONS } from './batch-schedule';
import type { OrgUnitDoc } from '../models/org-unit/org-unit.model';
import type { OrgUnitRepository } from '../models/org-unit/org-unit.repository';
import { Types } from 'mongoose';

/** Org units by hex id, one query per batch; results in key order, null for misses. */
export function createOrgUnitLoader(units: OrgUnitRepository) {
  return new DataLoader<string, OrgUnitDoc | null>(async (ids) => {
    const rows = await units.findByIds(ids.map((id) => new Types.ObjectId(id)));
    const byId = new Map(rows.map((row) => [row._id.toHexString(), row]));
    return ids.map((id) => byId.get(id) ?? null);
  }, BATCH_OPTIONS);
}
