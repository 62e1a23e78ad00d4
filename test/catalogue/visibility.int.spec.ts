import { catalogueOps } from '../helpers/catalogue-ops';
import { makeTree, makeUserWithToken, resourceInput } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { toGlobalId } from '../../src/graphql/global-id';

type Visibility = 'PRIVATE' | 'SUBTREE' | 'PROVINCE' | 'PUBLIC';
const VISIBILITIES: Visibility[] = ['PRIVATE', 'SUBTREE', 'PROVINCE', 'PUBLIC'];

/**
 * Each visibility × each viewer relation × each query path: `resource`,
 * `resources` with `totalCount`, and a series' episodes. Content is owned by
 * county A1; the draft is always internal.
 */
const EXPECTED: Record<string, Array<Visibility | 'DRAFT'>> = {
  anonymous: ['PUBLIC'],
  publicPortal: ['PUBLIC'],
  self: ['PRIVATE', 'SUBTREE', 'PROVINCE', 'PUBLIC', 'DRAFT'],
  ancestor: ['PRIVATE', 'SUBTREE', 'PROVINCE', 'PUBLIC', 'DRAFT'],
  descendant: ['SUBTREE', 'PROVINCE', 'PUBLIC'],
  sibling: ['PROVINCE', 'PUBLIC'],
  unrelated: ['PROVINCE', 'PUBLIC'],
  descendantPortal: ['SUBTREE', 'PROVINCE', 'PUBLIC'],
};

describe('visibility matrix through GraphQL', () => {
  let t: TestHub;
  const ids: Record<string, string> = {};
  const headersFor: Record<string, Record<string, string>> = {};
  let ownerUnitId: string;
  let seriesId: string;

  beforeAll(async () => {
    t = await startTestHub();
    const ops = catalogueOps(t);
    const tree = await makeTree(t.container);
    ownerUnitId = toGlobalId('OrgUnit', tree.countyA1._id);
    const author = (await makeUserWithToken(t.container, tree.countyA1, ['AUTHOR'])).token;
    const curator = (await makeUserWithToken(t.container, tree.countyA1, ['CURATOR'])).token;
    for (const visibility of VISIBILITIES) {
      ids[visibility] = (
        await ops.published(
          resourceInput({ visibility, title: `可见性 ${visibility}` }),
          author,
          curator,
        )
      ).id;
    }
    ids.DRAFT = (
      await ops.create(resourceInput({ visibility: 'PUBLIC', title: '草稿' }), author)
    ).resource!.id;

    // A public series of the province that lists every one of them.
    const provinceCurator = (
      await makeUserWithToken(t.container, tree.province, ['CURATOR', 'AUTHOR'])
    ).token;
    const created = await t.gql<{ createSeries: { series: { id: string; version: number } } }>(
      'mutation($i: CreateSeriesInput!) { createSeries(input: $i) { series { id version } userErrors { field message } } }',
      {
        i: {
          title: '可见性测试系列',
          visibility: 'PUBLIC',
          episodeIds: [...VISIBILITIES.map((v) => ids[v]), ids.DRAFT],
        },
      },
      { token: provinceCurator },
    );
    seriesId = created.body.data!.createSeries.series.id;
    for (const action of ['SUBMIT', 'PUBLISH']) {
      const version = action === 'SUBMIT' ? 1 : 2;
      await t.gql(
        'mutation($i: SeriesTransitionInput!, $a: WorkflowAction!) { transitionSeries(input: $i, action: $a) { series { status } } }',
        { i: { id: seriesId, expectedVersion: version }, a: action },
        { token: provinceCurator },
      );
    }

    const token = async (unit: Parameters<typeof makeUserWithToken>[1]) => ({
      authorization: `Bearer ${(await makeUserWithToken(t.container, unit, ['MEMBER'])).token}`,
    });
    headersFor.anonymous = {};
    headersFor.self = await token(tree.countyA1);
    headersFor.ancestor = await token(tree.cityA);
    headersFor.descendant = await token(tree.townA1);
    headersFor.sibling = await token(tree.countyA2);
    headersFor.unrelated = await token(tree.countyB1);
    const publicKey = await t.container.services.credentials.issueApiKey('system', {
      unitId: tree.province._id,
      name: 'p',
      scope: 'PUBLIC',
    });
    headersFor.publicPortal = { 'x-api-key': publicKey.secret };
    const unitKey = await t.container.services.credentials.issueApiKey('system', {
      unitId: tree.townA1._id,
      name: 'u',
      scope: 'UNIT',
    });
    headersFor.descendantPortal = { 'x-api-key': unitKey.secret };
  });
  afterAll(async () => {
    await t?.stop();
  });

  const nameOf = (id: string) => Object.keys(ids).find((k) => ids[k] === id);

  describe.each(Object.keys(EXPECTED))('viewer: %s', (viewer) => {
    it.each([...VISIBILITIES, 'DRAFT'])(
      'resource(id) of a %s item: found only if visible, else NOT_FOUND',
      async (item) => {
        const res = await t.gql<{ resource: { id: string } | null }>(
          'query($id: ID!) { resource(id: $id) { id } }',
          { id: ids[item] },
          { headers: headersFor[viewer] },
        );
        if (EXPECTED[viewer].includes(item as Visibility)) {
          expect(res.body.data?.resource?.id).toBe(ids[item]);
        } else {
          expect(res.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
        }
      },
    );

    it('resources(...) lists exactly the visible ones and totalCount agrees', async () => {
      const res = await t.gql<{ resources: { totalCount: number; nodes: Array<{ id: string }> } }>(
        'query($u: ID!) { resources(first: 50, filter: { ownerUnitId: $u }) { totalCount nodes { id } } }',
        { u: ownerUnitId },
        { headers: headersFor[viewer] },
      );
      const seen = res.body.data!.resources.nodes.map((n) => nameOf(n.id)).sort();
      expect(seen).toEqual([...EXPECTED[viewer]].sort());
      expect(res.body.data!.resources.totalCount).toBe(EXPECTED[viewer].length);
    });

    it('resources filtered by the series list exactly the visible episodes', async () => {
      const res = await t.gql<{ resources: { totalCount: number; nodes: Array<{ id: string }> } }>(
        'query($s: ID!) { resources(first: 50, filter: { seriesId: $s }) { totalCount nodes { id } } }',
        { s: seriesId },
        { headers: headersFor[viewer] },
      );
      expect(res.body.data!.resources.nodes.map((n) => nameOf(n.id)).sort()).toEqual(
        [...EXPECTED[viewer]].sort(),
      );
      expect(res.body.data!.resources.totalCount).toBe(EXPECTED[viewer].length);
    });

    it('a public series shows only the episodes this viewer may see, in order', async () => {
      const res = await t.gql<{ series: { episodes: Array<{ id: string }> } }>(
        'query($id: ID!) { series(id: $id) { episodes { id } } }',
        { id: seriesId },
        { headers: headersFor[viewer] },
      );
      const order = [...VISIBILITIES, 'DRAFT'].filter((v) =>
        EXPECTED[viewer].includes(v as Visibility),
      );
      expect(res.body.data!.series.episodes.map((e) => nameOf(e.id))).toEqual(order);
    });
  });
});
