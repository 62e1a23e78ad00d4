import type { Repositories } from '../container';
import type { OrgUnitDoc } from '../models/org-unit/org-unit.model';
import { DEMO_UNITS, DEMO_USERS, type DemoUnit, type DemoUser } from './org-tree.data';

/**
 * Loads units parents-first, computing each materialised ancestor path from
 * the parent's. Upserts by code, so running it again changes nothing.
 */
export async function seedOrgTree(
  repos: Repositories,
  units: DemoUnit[] = DEMO_UNITS,
): Promise<Map<string, OrgUnitDoc>> {
  const byCode = new Map<string, OrgUnitDoc>();
  for (const unit of units) {
    const parent = unit.parentCode
      ? (byCode.get(unit.parentCode) ?? (await repos.orgUnits.findByCode(unit.parentCode)))
      : null;
    if (unit.parentCode && !parent)
      throw new Error(`demo unit ${unit.code}: parent ${unit.parentCode} must come first`);
    const saved = await repos.orgUnits.upsertByCode({
      code: unit.code,
      name: unit.name,
      regionName: unit.regionName,
      level: unit.level,
      parentId: parent ? parent._id : null,
      ancestorIds: parent ? [...parent.ancestorIds, parent._id] : [],
    });
    byCode.set(unit.code, saved);
  }
  return byCode;
}

export async function seedUsers(
  repos: Repositories,
  units: Map<string, OrgUnitDoc>,
  users: DemoUser[] = DEMO_USERS,
): Promise<void> {
  for (const user of users) {
    const unit = units.get(user.unitCode) ?? (await repos.orgUnits.findByCode(user.unitCode));
    if (!unit) throw new Error(`demo user ${user.username}: unit ${user.unitCode} missing`);
    await repos.users.upsertByUsername({
      username: user.username,
      displayName: user.displayName,
      unitId: unit._id,
      roles: user.roles,
    });
  }
}
