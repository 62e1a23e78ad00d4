import { catalogueOps } from '../helpers/catalogue-ops';
import { makeTree, makeUserWithToken, resourceInput } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { toGlobalId } from '../../src/graphql/global-id';

type Page = {
  totalCount: number;
  nodes: Array<{ title: string }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
};

describe('resources pagination edge cases', () => {
  let t: TestHub;
  let token: string;
  let unitId: string;
  let emptyUnitId: string;
  const QUERY = `query($u: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    resources(filter: { ownerUnitId: $u }, first: $first, after: $after, last: $last, before: $before) {
      totalCount nodes { title } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
  const page = async (vars: Record<string, unknown>) => {
    const res = await t.gql<{ resources: Page }>(QUERY, { u: unitId, ...vars }, { token });
    return res;
  };

  beforeAll(async () => {
    t = await startTestHub();
    const tree = await makeTree(t.container);
    token = (await makeUserWithToken(t.container, tree.countyA1, ['AUTHOR'])).token;
    unitId = toGlobalId('OrgUnit', tree.countyA1._id);
    emptyUnitId = toGlobalId('OrgUnit', tree.countyB1._id);
    const ops = catalogueOps(t);
    for (let i = 0; i < 7; i++) await ops.create(resourceInput({ title: `第${i}课` }), token);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('an empty result has no cursors and no next page', async () => {
    const res = await t.gql<{ resources: Page }>(QUERY, { u: emptyUnitId, first: 5 }, { token });
    expect(res.body.data!.resources).toEqual({
      totalCount: 0,
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  it('walks forward to an exact last page, newest first, with no gaps or overlaps', async () => {
    const p1 = (await page({ first: 3 })).body.data!.resources;
    const p2 = (await page({ first: 3, after: p1.pageInfo.endCursor })).body.data!.resources;
    const p3 = (await page({ first: 3, after: p2.pageInfo.endCursor })).body.data!.resources;
    const titles = [...p1.nodes, ...p2.nodes, ...p3.nodes].map((n) => n.title);
    expect(titles).toEqual(['第6课', '第5课', '第4课', '第3课', '第2课', '第1课', '第0课']);
    expect([p1.pageInfo.hasNextPage, p2.pageInfo.hasNextPage, p3.pageInfo.hasNextPage]).toEqual([
      true,
      true,
      false,
    ]);
    expect(p3.totalCount).toBe(7);
    const beyond = (await page({ first: 3, after: p3.pageInfo.endCursor })).body.data!.resources;
    expect(beyond.nodes).toEqual([]);
  });

  it('walks backward with last/before', async () => {
    const tail = (await page({ last: 3 })).body.data!.resources;
    expect(tail.nodes.map((n) => n.title)).toEqual(['第2课', '第1课', '第0课']);
    expect(tail.pageInfo.hasPreviousPage).toBe(true);
    const prev = (await page({ last: 3, before: tail.pageInfo.startCursor })).body.data!.resources;
    expect(prev.nodes.map((n) => n.title)).toEqual(['第5课', '第4课', '第3课']);
    expect(prev.pageInfo.hasNextPage).toBe(true);
  });

  it('first: 0 answers only the total', async () => {
    const res = (await page({ first: 0 })).body.data!.resources;
    expect(res.nodes).toEqual([]);
    expect(res.totalCount).toBe(7);
  });

  it.each([
    [{ first: 3, after: 'not-a-cursor!' }, 'after'],
    [{ first: 3, after: Buffer.from('{"code":"140000"}').toString('base64url') }, 'after'],
    [{ first: 2, last: 2 }, 'last'],
    [{ last: 2, after: 'x' }, 'after'],
  ])('rejects %o with BAD_USER_INPUT on %s', async (vars, field) => {
    const res = await page(vars);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('page sizes beyond 100 or below 0 are refused before any resolver runs', async () => {
    expect((await page({ first: 101 })).body.errors?.[0].extensions?.code).toBe(
      'QUERY_PAGE_TOO_LARGE',
    );
    expect((await page({ first: -1 })).body.errors?.[0].extensions?.code).toMatch(/^QUERY_/);
  });
});
