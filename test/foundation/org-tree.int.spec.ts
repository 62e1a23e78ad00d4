import { seedDemo } from '../../src/demo/seed-demo';
import { startTestHub, type TestHub } from '../helpers/test-hub';

const UNIT = 'id code name level levelLabel regionName depth';

describe('organisation tree through GraphQL (demo data)', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ beforeListen: seedDemo });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('finds the province by code with its 11 cities in code order', async () => {
    const res = await t.gql<{
      orgUnit: {
        name: string;
        level: string;
        parent: null;
        children: { totalCount: number; nodes: Array<{ code: string; name: string }> };
      };
    }>(
      `{ orgUnit(code: "140000") { name level parent { id } children(first: 20) { totalCount nodes { code name } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const unit = res.body.data!.orgUnit;
    expect(unit).toMatchObject({ name: '山西省社区教育指导中心', level: 'PROVINCE', parent: null });
    expect(unit.children.totalCount).toBe(11);
    expect(unit.children.nodes.map((n) => n.code)).toEqual([
      '140100',
      '140200',
      '140300',
      '140400',
      '140500',
      '140600',
      '140700',
      '140800',
      '140900',
      '141000',
      '141100',
    ]);
    expect(unit.children.nodes[0].name).toBe('太原社区大学');
  });

  it('looks a unit up by id and by code alike, with parent and ancestors', async () => {
    const byCode = await t.gql<{ orgUnit: { id: string } }>(
      `{ orgUnit(code: "140727101201") { id } }`,
    );
    const id = byCode.body.data!.orgUnit.id;
    const res = await t.gql<{
      orgUnit: Record<string, unknown> & {
        ancestors: Array<{ code: string; levelLabel: string }>;
        parent: { code: string };
      };
    }>(
      `query($id: ID!) { orgUnit(id: $id) { ${UNIT} parent { code } ancestors { code levelLabel } } }`,
      { id },
    );
    const unit = res.body.data!.orgUnit;
    expect(unit).toMatchObject({
      code: '140727101201',
      name: '乔家堡村社区教育站点',
      level: 'VILLAGE',
      levelLabel: '社区教育站点',
      depth: 4,
    });
    expect(unit.parent.code).toBe('140727101');
    expect(unit.ancestors).toEqual([
      { code: '140000', levelLabel: '省社区教育指导中心' },
      { code: '140700', levelLabel: '社区大学' },
      { code: '140727', levelLabel: '社区学院' },
      { code: '140727101', levelLabel: '社区学校' },
    ]);
  });

  it('lists by level, by parent and by subtree, with totals and cursors', async () => {
    const cities = await t.gql<{ orgUnits: { totalCount: number } }>(
      `{ orgUnits(level: CITY, first: 5) { totalCount } }`,
    );
    expect(cities.body.data!.orgUnits.totalCount).toBe(11);

    const jinzhong = await t.gql<{ orgUnit: { id: string } }>(`{ orgUnit(code: "140700") { id } }`);
    const within = await t.gql<{
      orgUnits: { totalCount: number; nodes: Array<{ code: string }> };
    }>(`query($id: ID!) { orgUnits(within: $id, first: 100) { totalCount nodes { code } } }`, {
      id: jinzhong.body.data!.orgUnit.id,
    });
    const codes = within.body.data!.orgUnits.nodes.map((n) => n.code);
    expect(codes.every((c) => c.startsWith('1407'))).toBe(true);
    expect(codes).toContain('140727101201');
    expect(codes).not.toContain('140700');
    expect(within.body.data!.orgUnits.totalCount).toBe(codes.length);

    const villagesOfJinzhong = await t.gql<{ orgUnits: { nodes: Array<{ code: string }> } }>(
      `query($id: ID!) { orgUnits(within: $id, level: VILLAGE, first: 100) { nodes { code } } }`,
      { id: jinzhong.body.data!.orgUnit.id },
    );
    expect(villagesOfJinzhong.body.data!.orgUnits.nodes.map((n) => n.code)).toEqual([
      '140727101201',
      '140728100001',
      '140728101202',
    ]);
  });

  it('pages through cities with cursors without gaps or overlaps', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res: {
        body: {
          data?: {
            orgUnits: {
              nodes: Array<{ code: string }>;
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
            };
          } | null;
        };
      } = await t.gql(
        `query($after: String) { orgUnits(level: CITY, first: 4, after: $after) { nodes { code } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const page = res.body.data!.orgUnits;
      seen.push(...page.nodes.map((n) => n.code));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(11);
    expect(new Set(seen).size).toBe(11);
  });

  it('rejects bad input with clear codes', async () => {
    const both = await t.gql(`{ orgUnit(code: "140000", id: "x") { id } }`);
    expect(both.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badId = await t.gql(`{ orgUnit(id: "not-an-id") { id } }`);
    expect(badId.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    const missing = await t.gql(`{ orgUnit(code: "149999") { id } }`);
    expect(missing.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const badCursor = await t.gql(`{ orgUnits(first: 5, after: "garbage!") { totalCount } }`);
    expect(badCursor.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    // Page sizes over 100 are refused before any resolver runs (query cost control).
    const huge = await t.gql(`{ orgUnits(first: 1000) { totalCount } }`);
    expect(huge.status).toBe(400);
    expect(huge.body.errors?.[0].extensions?.code).toBe('QUERY_PAGE_TOO_LARGE');
  });

  it('seeding twice changes nothing (idempotent demo load)', async () => {
    const before = await t.container.models.OrgUnit.countDocuments();
    await seedDemo(t.container);
    expect(await t.container.models.OrgUnit.countDocuments()).toBe(before);
  });
});
