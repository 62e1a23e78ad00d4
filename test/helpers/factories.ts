import { Types } from 'mongoose';
import type { Container } from '../../src/container';
import type { OrgLevel, OrgUnitDoc } from '../../src/models/org-unit/org-unit.model';
import type { Role, UserDoc } from '../../src/models/user/user.model';

let counter = 0;
const next = () => ++counter;

/** Creates a unit under `parent` (or a root), with a unique code of the right length for its level. */
export async function makeUnit(
  c: Container,
  opts: { parent?: OrgUnitDoc; level?: OrgLevel; name?: string } = {},
): Promise<OrgUnitDoc> {
  const level: OrgLevel =
    opts.level ??
    (opts.parent
      ? (['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'][
          opts.parent.ancestorIds.length + 1
        ] as OrgLevel)
      : 'PROVINCE');
  const n = next();
  const digits = level === 'VILLAGE' ? 12 : level === 'TOWNSHIP' ? 9 : 6;
  const code = String(900000 + n).padEnd(digits, String(n % 10));
  return c.repos.orgUnits.insert({
    code: code.slice(0, digits),
    name: opts.name ?? `测试单位${n}`,
    regionName: `测试区${n}`,
    level,
    parentId: opts.parent?._id ?? null,
    ancestorIds: opts.parent ? [...opts.parent.ancestorIds, opts.parent._id] : [],
  });
}

export async function makeUser(c: Container, unit: OrgUnitDoc, roles: Role[]): Promise<UserDoc> {
  return c.repos.users.create({
    username: `user${next()}-${new Types.ObjectId().toHexString().slice(-6)}`,
    displayName: '测试用户',
    unitId: unit._id,
    roles,
  });
}

/** A user with a fresh personal access token; returns the secret to use as a bearer token. */
export async function makeUserWithToken(
  c: Container,
  unit: OrgUnitDoc,
  roles: Role[],
): Promise<{ user: UserDoc; token: string }> {
  const user = await makeUser(c, unit, roles);
  const issued = await c.services.credentials.issuePersonalToken('system', {
    userId: user._id,
    name: 'test',
  });
  return { user, token: issued.secret };
}

/**
 * A small tree: province → cityA (countyA1 → townA1, countyA2), cityB (countyB1).
 * Enough for every relation: self, ancestor, descendant, sibling, unrelated.
 */
export async function makeTree(c: Container) {
  const province = await makeUnit(c, { name: '测试省' });
  const cityA = await makeUnit(c, { parent: province, name: '甲市社区大学' });
  const cityB = await makeUnit(c, { parent: province, name: '乙市社区大学' });
  const countyA1 = await makeUnit(c, { parent: cityA, name: '甲一县社区学院' });
  const countyA2 = await makeUnit(c, { parent: cityA, name: '甲二县社区学院' });
  const countyB1 = await makeUnit(c, { parent: cityB, name: '乙一县社区学院' });
  const townA1 = await makeUnit(c, { parent: countyA1, name: '甲一镇社区学校' });
  return { province, cityA, cityB, countyA1, countyA2, countyB1, townA1 };
}

/** Resource fields for tests; override what the test is about. */
export function resourceInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'VIDEO',
    title: `晋商文化讲座 ${next()}`,
    summary: '介绍晋商的兴起与票号',
    keywords: ['晋商', '票号'],
    categories: ['TRADITIONAL_LOCAL_CULTURE'],
    audiences: ['ALL_RESIDENTS'],
    license: 'CC_BY_NC',
    visibility: 'PUBLIC',
    durationSeconds: 1200,
    ...overrides,
  };
}
