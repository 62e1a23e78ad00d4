import { catalogueOps } from '../helpers/catalogue-ops';
import { makeTree, makeUserWithToken, resourceInput } from '../helpers/factories';
import type { TestHub } from '../helpers/test-hub';
import { bearer, searchOps, settled, startSearchHub } from './search-int.helpers';

type Item = 'PRIVATE' | 'SUBTREE' | 'PROVINCE' | 'PUBLIC' | 'DRAFT' | 'IN_REVIEW' | 'ARCHIVED';
const ITEMS: Item[] = [
  'PRIVATE',
  'SUBTREE',
  'PROVINCE',
  'PUBLIC',
  'DRAFT',
  'IN_REVIEW',
  'ARCHIVED',
];
const INTERNAL: Item[] = ['DRAFT', 'IN_REVIEW', 'ARCHIVED'];

/**
 * Each viewer relation × each visibility and workflow status, through search:
 * hits, totalCount and facet counts only ever include what the catalogue's
 * own `resource(id)` would show. Content is owned by county A1.
 */
const EXPECTED: Record<string, Item[]> = {
  anonymous: ['PUBLIC'],
  publicPortal: ['PUBLIC'],
  self: ITEMS,
  ancestor: ITEMS,
  descendant: ['SUBTREE', 'PROVINCE', 'PUBLIC'],
  sibling: ['PROVINCE', 'PUBLIC'],
  unrelated: ['PROVINCE', 'PUBLIC'],
  descendantPortal: ['SUBTREE', 'PROVINCE', 'PUBLIC'],
};

describe('nothing invisible leaks through search', () => {
  let t: TestHub;
  let s: ReturnType<typeof searchOps>;
  const ids = {} as Record<Item | 'privateSeries' | 'episode', string>;
  const headersFor: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    t = await startSearchHub();
    s = searchOps(t);
    const ops = catalogueOps(t);
    const tree = await makeTree(t.container);
    const author = (await makeUserWithToken(t.container, tree.countyA1, ['AUTHOR'])).token;
    const curator = (await makeUserWithToken(t.container, tree.countyA1, ['CURATOR'])).token;
    const input = (visibility: string, title: string) =>
      resourceInput({ visibility, title, keywords: ['可见性矩阵'], summary: '可见性矩阵测试' });
    for (const visibility of ['PRIVATE', 'SUBTREE', 'PROVINCE', 'PUBLIC'] as const) {
      ids[visibility] = (
        await ops.published(input(visibility, `矩阵 ${visibility}`), author, curator)
      ).id;
    }
    ids.DRAFT = (await ops.create(input('PUBLIC', '矩阵 草稿'), author)).resource!.id;
    const inReview = (await ops.create(input('PUBLIC', '矩阵 待审'), author)).resource!;
    ids.IN_REVIEW = (await ops.submit(inReview.id, inReview.version, author)).resource!.id;
    const archived = await ops.published(input('PUBLIC', '矩阵 归档'), author, curator);
    ids.ARCHIVED = (await ops.archive(archived.id, archived.version, curator)).resource!.id;

    // A published PRIVATE series holding a PUBLIC episode: outsiders may find the
    // episode, but neither the series nor its title may show through it.
    ids.episode = (
      await ops.published(
        resourceInput({ title: '公开分集', visibility: 'PUBLIC' }),
        author,
        curator,
      )
    ).id;
    const created = await t.gql<{ createSeries: { series: { id: string } } }>(
      'mutation($i: CreateSeriesInput!) { createSeries(input: $i) { series { id } } }',
      { i: { title: '内部专题云冈', visibility: 'PRIVATE', episodeIds: [ids.episode] } },
      { token: curator },
    );
    ids.privateSeries = created.body.data!.createSeries.series.id;
    for (const [action, version] of [
      ['SUBMIT', 1],
      ['PUBLISH', 2],
    ] as const) {
      await t.gql(
        'mutation($i: SeriesTransitionInput!, $a: WorkflowAction!) { transitionSeries(input: $i, action: $a) { series { id } } }',
        { i: { id: ids.privateSeries, expectedVersion: version }, a: action },
        { token: curator },
      );
    }

    const member = async (unit: Parameters<typeof makeUserWithToken>[1]) =>
      bearer((await makeUserWithToken(t.container, unit, ['MEMBER'])).token);
    headersFor.anonymous = {};
    headersFor.self = await member(tree.countyA1);
    headersFor.ancestor = await member(tree.cityA);
    headersFor.descendant = await member(tree.townA1);
    headersFor.sibling = await member(tree.countyA2);
    headersFor.unrelated = await member(tree.countyB1);
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
    await settled(t);
  });

  afterAll(async () => {
    await t?.stop();
  });

  const nameOf = (id: string) => (Object.keys(ids) as Item[]).find((k) => ids[k] === id);
  const FACETS = ['TYPE', 'KIND', 'CATEGORY', 'AUDIENCE', 'CITY', 'COUNTY', 'LICENSE', 'LANGUAGE'];

  describe.each(Object.keys(EXPECTED))('viewer: %s', (viewer) => {
    it('hits, totalCount and facet counts are exactly the visible items', async () => {
      const res = await s.search(
        { query: '可见性矩阵', facets: FACETS, first: 50 },
        headersFor[viewer],
      );
      const seen = res.edges.map((e) => nameOf(e.node.item.id)).sort();
      expect(seen).toEqual([...EXPECTED[viewer]].sort());
      expect(res.totalCount).toBe(EXPECTED[viewer].length);
      for (const facet of res.facets) {
        const total = facet.values.reduce((a, v) => a + v.count, 0);
        // Every item here is a resource with one value per field (category/audience included).
        expect({ field: facet.field, total }).toEqual({
          field: facet.field,
          total: EXPECTED[viewer].length,
        });
      }
    });

    it('browsing with a status-revealing filter shows no internal item to outsiders', async () => {
      const res = await s.search(
        { filter: { kinds: ['VIDEO'] }, first: 50, facets: ['TYPE'] },
        headersFor[viewer],
      );
      const internal = res.edges.filter((e) => INTERNAL.includes(nameOf(e.node.item.id)!));
      if (!EXPECTED[viewer].includes('DRAFT')) expect(internal).toEqual([]);
      expect(res.facets[0].values.reduce((a, v) => a + v.count, 0)).toBe(res.totalCount);
    });

    it('a private series shows neither itself nor its title through a public episode', async () => {
      const insider = EXPECTED[viewer].includes('PRIVATE');
      const byTitle = await s.ids({ query: '云冈' }, headersFor[viewer]);
      expect(byTitle.includes(ids.privateSeries)).toBe(insider);
      // The episode's document never carries the private series.
      expect(byTitle).not.toContain(ids.episode);
      const facets = await s.search({ facets: ['SERIES'], first: 0 }, headersFor[viewer]);
      expect(facets.facets[0].values).toEqual([]);
    });
  });
});
