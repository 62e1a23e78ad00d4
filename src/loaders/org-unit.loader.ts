import type { OrgUnitRepository } from '../models/org-unit/org-unit.repository';
import { byIdLoader } from './by-id-loader';

/** Org units by hex id, one query per batch; results in key order, null for misses. */
export function createOrgUnitLoader(units: OrgUnitRepository) {
  return byIdLoader((ids) => units.findByIds(ids));
}
