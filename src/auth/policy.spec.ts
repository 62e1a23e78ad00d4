import type { Role } from '../models/user/user.model';
import {
  can,
  canSeeContent,
  relationOf,
  type Relation,
  type UnitAction,
  type UnitRef,
  type Visibility,
} from './policy';
import type { UserViewer, Viewer } from './viewer';

// province P → city A (county A1 → town A1t), city B (county B1)
const P: UnitRef = { id: 'P', ancestorIds: [] };
const A: UnitRef = { id: 'A', ancestorIds: ['P'] };
const B: UnitRef = { id: 'B', ancestorIds: ['P'] };
const A1: UnitRef = { id: 'A1', ancestorIds: ['P', 'A'] };
const A2: UnitRef = { id: 'A2', ancestorIds: ['P', 'A'] };
const A1t: UnitRef = { id: 'A1t', ancestorIds: ['P', 'A', 'A1'] };
const B1: UnitRef = { id: 'B1', ancestorIds: ['P', 'B'] };
const path = (u: UnitRef) => [...u.ancestorIds, u.id];

/** For a viewer in county A1, a target unit standing in each relation. */
const TARGET_FOR: Record<Relation, UnitRef> = {
  SELF: A1,
  ANCESTOR: A1t,
  DESCENDANT: A,
  SIBLING: A2,
  UNRELATED: B1,
};

function user(unit: UnitRef, roles: Role[]): UserViewer {
  return {
    kind: 'user',
    userId: 'u',
    credentialId: 'c',
    unitId: unit.id,
    unitPath: path(unit),
    roles,
  };
}

describe('relationOf', () => {
  it.each([
    [A1, A1, 'SELF'],
    [A, A1, 'ANCESTOR'],
    [P, A1t, 'ANCESTOR'],
    [A1, A, 'DESCENDANT'],
    [A1t, P, 'DESCENDANT'],
    [A1, A2, 'SIBLING'],
    [A, B, 'SIBLING'],
    [A1, B1, 'UNRELATED'],
    [A1t, B, 'UNRELATED'],
  ] as const)('viewer %o on target %o is %s', (viewer, target, expected) => {
    expect(relationOf(path(viewer), target)).toBe(expected);
  });
});

describe('authorization matrix: role × relation × action', () => {
  const ALLOWED: Record<UnitAction, Record<Role, Relation[]>> = {
    'unit.administer': { ADMIN: ['SELF', 'ANCESTOR'], CURATOR: [], AUTHOR: [], MEMBER: [] },
    'content.author': { ADMIN: [], CURATOR: ['SELF'], AUTHOR: ['SELF'], MEMBER: [] },
    'content.review': { ADMIN: [], CURATOR: ['SELF', 'ANCESTOR'], AUTHOR: [], MEMBER: [] },
    'content.reuse': { ADMIN: ['SELF'], CURATOR: ['SELF'], AUTHOR: [], MEMBER: [] },
    'content.readInternal': {
      ADMIN: ['SELF', 'ANCESTOR'],
      CURATOR: ['SELF', 'ANCESTOR'],
      AUTHOR: ['SELF', 'ANCESTOR'],
      MEMBER: ['SELF', 'ANCESTOR'],
    },
  };
  const relations: Relation[] = ['SELF', 'ANCESTOR', 'DESCENDANT', 'SIBLING', 'UNRELATED'];
  const cases: Array<[UnitAction, Role, Relation, boolean]> = [];
  for (const action of Object.keys(ALLOWED) as UnitAction[]) {
    for (const role of ['ADMIN', 'CURATOR', 'AUTHOR', 'MEMBER'] as Role[]) {
      for (const relation of relations)
        cases.push([action, role, relation, ALLOWED[action][role].includes(relation)]);
    }
  }

  it.each(cases)('%s by %s on %s → %s', (action, role, relation, expected) => {
    // The viewer sits in county A1; the target stands in `relation` to it.
    const target = TARGET_FOR[relation];
    expect(relationOf(path(A1), target)).toBe(relation);
    expect(can(user(A1, [role]), action, target)).toBe(expected);
  });

  it('an admin of a city administers its counties and below, not its sibling city or the province', () => {
    const cityAdmin = user(A, ['ADMIN']);
    expect(can(cityAdmin, 'unit.administer', A1)).toBe(true);
    expect(can(cityAdmin, 'unit.administer', A1t)).toBe(true);
    expect(can(cityAdmin, 'unit.administer', B)).toBe(false);
    expect(can(cityAdmin, 'unit.administer', B1)).toBe(false);
    expect(can(cityAdmin, 'unit.administer', P)).toBe(false);
  });

  it('anonymous callers and portals can do nothing but read', () => {
    const anonymous: Viewer = { kind: 'anonymous' };
    const portal: Viewer = {
      kind: 'portal',
      credentialId: 'k',
      scope: 'UNIT',
      unitId: 'A',
      unitPath: path(A),
    };
    for (const action of [
      'unit.administer',
      'content.author',
      'content.review',
      'content.reuse',
    ] as UnitAction[]) {
      expect(can(anonymous, action, A)).toBe(false);
      expect(can(portal, action, A)).toBe(false);
    }
    expect(can(portal, 'content.readInternal', A1)).toBe(true);
    expect(can(anonymous, 'content.readInternal', A1)).toBe(false);
  });
});

describe('canSeeContent: visibility × viewer relation', () => {
  // Content owned by county A1.
  const item = (visibility: Visibility, published = true) => ({
    visibility,
    published,
    ownerUnitId: 'A1',
    ownerPath: path(A1),
  });
  const viewers: Record<string, Viewer> = {
    anonymous: { kind: 'anonymous' },
    publicPortal: { kind: 'portal', credentialId: 'k', scope: 'PUBLIC' },
    self: user(A1, ['MEMBER']),
    ancestor: user(A, ['MEMBER']),
    descendant: user(A1t, ['MEMBER']),
    sibling: user(A2, ['MEMBER']),
    unrelated: user(B1, ['MEMBER']),
    descendantPortal: {
      kind: 'portal',
      credentialId: 'k',
      scope: 'UNIT',
      unitId: 'A1t',
      unitPath: path(A1t),
    },
  };
  const EXPECTED: Record<Visibility, string[]> = {
    PRIVATE: ['self', 'ancestor'],
    SUBTREE: ['self', 'ancestor', 'descendant', 'descendantPortal'],
    PROVINCE: ['self', 'ancestor', 'descendant', 'sibling', 'unrelated', 'descendantPortal'],
    PUBLIC: Object.keys(viewers),
  };
  for (const visibility of Object.keys(EXPECTED) as Visibility[]) {
    it.each(Object.keys(viewers))(`published ${visibility} seen by %s?`, (name) => {
      expect(canSeeContent(viewers[name], item(visibility))).toBe(
        EXPECTED[visibility].includes(name),
      );
    });
  }

  it('drafts are seen only by people of the owning unit and above, whatever the visibility', () => {
    const draft = item('PUBLIC', false);
    const seers = Object.keys(viewers).filter((name) => canSeeContent(viewers[name], draft));
    expect(seers.sort()).toEqual(['ancestor', 'self']);
  });
});
