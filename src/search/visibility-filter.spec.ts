import { canSeeContent, visibilityScope, VISIBILITIES, type Relation } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import type { SearchDocument } from './search-document';
import { matchesFilter } from './search-filter';
import { visibilityFilter } from './visibility-filter';
import { RESOURCE_STATUSES } from '../models/catalogue/vocabulary';

// province P → city A (county A1 → town A1t, county A2), city B (county B1)
const PATHS: Record<string, string[]> = {
  P: ['P'],
  A: ['P', 'A'],
  B: ['P', 'B'],
  A1: ['P', 'A', 'A1'],
  A2: ['P', 'A', 'A2'],
  A1t: ['P', 'A', 'A1', 'A1t'],
  B1: ['P', 'B', 'B1'],
};

/** Content is owned by county A1; the viewer's unit stands in each relation to it. */
const VIEWER_UNIT: Record<Relation, string> = {
  SELF: 'A1',
  ANCESTOR: 'A',
  DESCENDANT: 'A1t',
  SIBLING: 'A2',
  UNRELATED: 'B1',
};

function viewersFor(relation: Relation): Array<[string, Viewer]> {
  const unitId = VIEWER_UNIT[relation];
  const unitPath = PATHS[unitId];
  return [
    [
      `member of ${unitId}`,
      { kind: 'user', userId: 'u', credentialId: 'c', unitId, unitPath, roles: ['MEMBER'] },
    ],
    [
      `unit portal of ${unitId}`,
      { kind: 'portal', credentialId: 'k', scope: 'UNIT', unitId, unitPath },
    ],
  ];
}

const OTHER_VIEWERS: Array<[string, Viewer]> = [
  ['anonymous', { kind: 'anonymous' }],
  ['public portal', { kind: 'portal', credentialId: 'k', scope: 'PUBLIC' }],
  [
    'province admin',
    {
      kind: 'user',
      userId: 'u',
      credentialId: 'c',
      unitId: 'P',
      unitPath: ['P'],
      roles: ['ADMIN'],
    },
  ],
];

function doc(
  visibility: SearchDocument['visibility'],
  status: SearchDocument['status'],
): SearchDocument {
  return {
    id: 'resource-000000000000000000000001',
    type: 'RESOURCE',
    title: 't',
    keywords: [],
    categories: [],
    audiences: [],
    language: 'zh-CN',
    license: 'CC_BY',
    seriesIds: [],
    seriesTitles: [],
    ownerUnitId: 'A1',
    ownerUnitName: '甲一县',
    ownerPath: PATHS.A1,
    visibility,
    status,
    updatedAt: 0,
    adoptionCount: 0,
    stamp: 1,
  };
}

const RELATIONS: Relation[] = ['SELF', 'ANCESTOR', 'DESCENDANT', 'SIBLING', 'UNRELATED'];
const VIEWERS = [...RELATIONS.flatMap(viewersFor), ...OTHER_VIEWERS];
const CASES = VIEWERS.flatMap(([label, viewer]) =>
  VISIBILITIES.flatMap((visibility) =>
    RESOURCE_STATUSES.map((status) => [label, visibility, status, viewer] as const),
  ),
);

describe('visibilityFilter agrees with canSeeContent', () => {
  it.each(CASES)('%s on a %s %s item', (_label, visibility, status, viewer) => {
    const d = doc(visibility, status);
    const expected = canSeeContent(viewer, {
      visibility,
      published: status === 'PUBLISHED',
      ownerUnitId: d.ownerUnitId,
      ownerPath: d.ownerPath,
    });
    expect(matchesFilter(visibilityFilter(visibilityScope(viewer)), d)).toBe(expected);
  });

  it('covers every relation, visibility and status', () => {
    expect(CASES.length).toBe(VIEWERS.length * 4 * 4);
  });

  it('shows nothing for a scope that grants nothing', () => {
    const none = visibilityFilter({ publishedVisibilities: [], subtreeOwnerIds: [] });
    expect(matchesFilter(none, doc('PUBLIC', 'PUBLISHED'))).toBe(false);
  });
});
