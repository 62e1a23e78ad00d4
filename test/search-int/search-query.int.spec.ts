import { toGlobalId } from '../../src/graphql/global-id';
import { encodeCursor } from '../../src/resolvers/common/cursor';
import { catalogueOps } from '../helpers/catalogue-ops';
import { makeTree, makeUserWithToken, resourceInput } from '../helpers/factories';
import type { TestHub } from '../helpers/test-hub';
import { bearer, searchOps, settled, startSearchHub } from './search-int.helpers';

/**
 * Searching as a township school would: Chinese, Traditional and pinyin find
 * the same items, facets add up and carry Chinese labels, filters, sorting,
 * paging and input limits — all through the real GraphQL endpoint.
 */
describe('search through GraphQL: Chinese, pinyin, facets, paging', () => {
  let t: TestHub;
  let school: Record<string, string>;
  const ids: Record<string, string> = {};
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let s: ReturnType<typeof searchOps>;

  beforeAll(async () => {
    t = await startSearchHub();
    s = searchOps(t);
    const ops = catalogueOps(t);
    tree = await makeTree(t.container);
    const a1 = {
      author: (await makeUserWithToken(t.container, tree.countyA1, ['AUTHOR'])).token,
      curator: (await makeUserWithToken(t.container, tree.countyA1, ['CURATOR'])).token,
    };
    const b1 = {
      author: (await makeUserWithToken(t.container, tree.countyB1, ['AUTHOR'])).token,
      curator: (await makeUserWithToken(t.container, tree.countyB1, ['CURATOR'])).token,
    };
    const publish = async (key: string, who: typeof a1, input: Record<string, unknown>) => {
      ids[key] = (await ops.published(resourceInput(input), who.author, who.curator)).id;
    };
    await publish('changqiang', a1, {
      title: '晋剧唱腔入门',
      summary: '学唱晋剧的基本唱腔与板式',
      keywords: ['晋剧', '戏曲'],
      kind: 'AUDIO',
      categories: ['CULTURE_ARTS'],
      audiences: ['ELDERLY'],
      durationSeconds: 600,
    });
    await publish('mingduan', b1, {
      title: '晋剧名家名段赏析',
      summary: '丁果仙等名家的经典唱段',
      keywords: ['晋剧', '名段'],
      kind: 'VIDEO',
      categories: ['CULTURE_ARTS', 'TRADITIONAL_LOCAL_CULTURE'],
      audiences: ['ALL_RESIDENTS'],
      durationSeconds: 1800,
    });
    await publish('daoxiaomian', a1, {
      title: '刀削面的制作',
      summary: '山西面食刀削面的和面与削面手法',
      keywords: ['面食'],
      kind: 'VIDEO',
      categories: ['HEALTHY_LIVING'],
      audiences: ['RURAL_RESIDENTS'],
      durationSeconds: 900,
      license: 'CC_BY',
    });
    await publish('privateJinju', b1, {
      title: '晋剧内部排练记录',
      keywords: ['晋剧'],
      visibility: 'PRIVATE',
    });
    const seriesRes = await t.gql<{ createSeries: { series: { id: string } } }>(
      'mutation($i: CreateSeriesInput!) { createSeries(input: $i) { series { id } userErrors { message } } }',
      {
        i: {
          title: '晋剧艺术',
          description: '山西地方戏曲晋剧的唱腔与名段',
          themeTags: ['晋剧', '戏曲'],
          visibility: 'PUBLIC',
          episodeIds: [ids.changqiang, ids.mingduan],
        },
      },
      { token: a1.curator },
    );
    ids.series = seriesRes.body.data!.createSeries.series.id;
    for (const [action, version] of [
      ['SUBMIT', 1],
      ['PUBLISH', 2],
    ] as const) {
      const res = await t.gql(
        'mutation($i: SeriesTransitionInput!, $a: WorkflowAction!) { transitionSeries(input: $i, action: $a) { userErrors { message } } }',
        { i: { id: ids.series, expectedVersion: version }, a: action },
        { token: a1.curator },
      );
      expect(res.body.errors).toBeUndefined();
    }
    school = bearer((await makeUserWithToken(t.container, tree.townA1, ['MEMBER'])).token);
    await settled(t);
  });

  afterAll(async () => {
    await t?.stop();
  });

  describe('Chinese, Traditional and pinyin', () => {
    it('finds the same things for 晋剧, jinju and 晉劇', async () => {
      const simplified = await s.ids({ query: '晋剧' }, school);
      expect(new Set(simplified)).toEqual(new Set([ids.series, ids.changqiang, ids.mingduan]));
      expect(await s.ids({ query: 'jinju' }, school)).toEqual(expect.arrayContaining(simplified));
      expect((await s.ids({ query: 'jinju' }, school)).sort()).toEqual([...simplified].sort());
      expect((await s.ids({ query: '晉劇' }, school)).sort()).toEqual([...simplified].sort());
      expect(await s.ids({ query: 'jj' }, school)).toEqual(expect.arrayContaining(simplified));
    });

    it('ranks the series about the subject first', async () => {
      expect((await s.ids({ query: '晋剧' }, school))[0]).toBe(ids.series);
    });

    it('never shows another unit’s private item, though it matches', async () => {
      const owner = bearer((await makeUserWithToken(t.container, tree.countyB1, ['MEMBER'])).token);
      expect(await s.ids({ query: '晋剧' }, owner)).toContain(ids.privateJinju);
      expect(await s.ids({ query: '晋剧' }, school)).not.toContain(ids.privateJinju);
      expect((await s.search({ query: '排练' }, school)).totalCount).toBe(0);
    });

    it('returns <em> highlights, also for a pinyin query', async () => {
      const byHan = await s.search({ query: '晋剧' }, school);
      const hit = byHan.edges.find((e) => e.node.item.id === ids.changqiang)!;
      expect(hit.node.highlights.title).toBe('<em>晋剧</em>唱腔入门');
      expect(hit.node.score).toEqual(expect.any(Number));
      const byPinyin = await s.search({ query: 'daoxiaomian' }, school);
      expect(byPinyin.edges[0].node.highlights.title).toBe('<em>刀削面</em>的制作');
    });

    it('returns typed union items with the catalogue’s own fields', async () => {
      const res = await s.search({ query: '晋剧' }, school);
      const types = Object.fromEntries(
        res.edges.map((e) => [e.node.item.id, e.node.item.__typename]),
      );
      expect(types[ids.series]).toBe('Series');
      expect(types[ids.changqiang]).toBe('Resource');
      expect(res.edges.every((e) => e.node.item.status === 'PUBLISHED')).toBe(true);
    });
  });

  describe('facets', () => {
    const ALL = [
      'TYPE',
      'KIND',
      'CATEGORY',
      'AUDIENCE',
      'CITY',
      'COUNTY',
      'SERIES',
      'LICENSE',
      'LANGUAGE',
    ];
    const sum = (values: Array<{ count: number }>) => values.reduce((a, v) => a + v.count, 0);

    it('add up: single-valued facets sum to the total, resource-only ones to the resources', async () => {
      const res = await s.search({ facets: ALL, first: 1 }, school);
      const facet = (f: string) => res.facets.find((x) => x.field === f)!.values;
      expect(res.totalCount).toBe(4); // three public resources and the series
      expect(sum(facet('TYPE'))).toBe(res.totalCount);
      expect(sum(facet('LANGUAGE'))).toBe(res.totalCount);
      const resources = facet('TYPE').find((v) => v.value === 'RESOURCE')!.count;
      expect(resources).toBe(3);
      expect(sum(facet('KIND'))).toBe(resources);
      expect(sum(facet('LICENSE'))).toBe(resources);
      expect(sum(facet('CITY'))).toBe(res.totalCount);
      expect(sum(facet('COUNTY'))).toBe(res.totalCount);
    });

    it('count what the same filter then finds, value by value', async () => {
      const res = await s.search(
        { facets: ['KIND', 'CATEGORY', 'CITY', 'SERIES', 'AUDIENCE'], first: 0 },
        school,
      );
      const filterOf: Record<string, string> = {
        KIND: 'kinds',
        CATEGORY: 'categories',
        CITY: 'cityCodes',
        SERIES: 'seriesIds',
        AUDIENCE: 'audiences',
      };
      for (const { field, values } of res.facets) {
        expect(values.length).toBeGreaterThan(0);
        for (const v of values) {
          const filtered = await s.search(
            { filter: { [filterOf[field]]: [v.value] }, first: 0 },
            school,
          );
          expect({ field, value: v.value, count: filtered.totalCount }).toEqual({
            field,
            value: v.value,
            count: v.count,
          });
        }
      }
    });

    it('label values in Chinese', async () => {
      const res = await s.search(
        { facets: ['CATEGORY', 'KIND', 'CITY', 'SERIES', 'TYPE', 'LICENSE'], first: 0 },
        school,
      );
      const labels = Object.fromEntries(
        res.facets.map((f) => [
          f.field,
          Object.fromEntries(f.values.map((v) => [v.value, v.label])),
        ]),
      );
      expect(labels.CATEGORY).toMatchObject({
        CULTURE_ARTS: '文化艺术',
        HEALTHY_LIVING: '健康生活',
      });
      expect(labels.KIND).toMatchObject({ VIDEO: '视频', AUDIO: '音频' });
      expect(labels.TYPE).toMatchObject({ RESOURCE: '资源', SERIES: '系列' });
      expect(labels.CITY[tree.cityA.code]).toBe(tree.cityA.regionName);
      expect(labels.SERIES).toEqual({ [ids.series]: '晋剧艺术' });
      expect(labels.LICENSE.CC_BY).toContain('CC BY 4.0');
    });
  });

  describe('filters and sorting', () => {
    it('filters by duration and by last update', async () => {
      expect(await s.ids({ filter: { durationSeconds: { min: 700, max: 1000 } } }, school)).toEqual(
        [ids.daoxiaomian],
      );
      const future = new Date(Date.now() + 86_400_000).toISOString();
      expect((await s.search({ filter: { updatedAt: { from: future } } }, school)).totalCount).toBe(
        0,
      );
      const past = new Date(Date.now() - 86_400_000).toISOString();
      expect((await s.search({ filter: { updatedAt: { from: past } } }, school)).totalCount).toBe(
        4,
      );
    });

    it('combines filters with query text (AND across fields, OR within one)', async () => {
      expect(await s.ids({ query: '晋剧', filter: { kinds: ['AUDIO'] } }, school)).toEqual([
        ids.changqiang,
      ]);
      expect(
        (
          await s.ids(
            { filter: { kinds: ['AUDIO', 'VIDEO'], cityCodes: [tree.cityA.code] } },
            school,
          )
        ).sort(),
      ).toEqual([ids.changqiang, ids.daoxiaomian].sort());
      expect(await s.ids({ filter: { types: ['SERIES'] } }, school)).toEqual([ids.series]);
      expect(
        await s.ids({ filter: { seriesIds: [ids.series], kinds: ['VIDEO'] } }, school),
      ).toEqual([ids.mingduan]);
    });

    it('sorts newest first when browsing', async () => {
      const res = await s.search({ sort: 'NEWEST' }, school);
      expect(res.edges[0].node.item.id).toBe(ids.series);
      expect(res.edges[0].node.score).toBeNull();
    });
  });

  describe('paging', () => {
    it('pages with opaque cursors without overlap or gaps', async () => {
      const full = await s.ids({ sort: 'NEWEST' }, school);
      const paged: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Awaited<ReturnType<typeof s.search>> = await s.search(
          { sort: 'NEWEST', first: 3, after },
          school,
        );
        expect(page.totalCount).toBe(full.length);
        paged.push(...page.edges.map((e) => e.node.item.id));
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(paged).toEqual(full);
    });
  });

  describe('input limits', () => {
    const codeOf = async (variables: Record<string, unknown>) =>
      (await s.raw(variables, school)).body.errors?.[0]?.extensions?.code;

    it('rejects query text over 100 characters', async () => {
      expect(await codeOf({ query: '晋'.repeat(101) })).toBe('BAD_USER_INPUT');
      expect(await codeOf({ query: '晋'.repeat(100) })).toBeUndefined();
    });

    it('rejects bad cursors and paging past position 1000', async () => {
      expect(await codeOf({ after: 'not-a-cursor!' })).toBe('BAD_USER_INPUT');
      expect(await codeOf({ after: encodeCursor({ o: 995 }), first: 10 })).toBe('BAD_USER_INPUT');
      expect(await codeOf({ after: encodeCursor({ o: 990 }), first: 10 })).toBeUndefined();
    });

    it('rejects oversized and malformed filters', async () => {
      expect(await codeOf({ filter: { cityCodes: ['太原'] } })).toBe('BAD_USER_INPUT');
      expect(await codeOf({ filter: { languages: Array(51).fill('zh-CN') } })).toBe(
        'BAD_USER_INPUT',
      );
      expect(await codeOf({ filter: { durationSeconds: { min: 10, max: 5 } } })).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        await codeOf({ filter: { seriesIds: [toGlobalId('Resource', tree.cityA._id)] } }),
      ).toBe('BAD_USER_INPUT');
    });

    it('rejects page sizes above 100', async () => {
      expect(['BAD_USER_INPUT', 'QUERY_PAGE_TOO_LARGE']).toContain(await codeOf({ first: 101 }));
    });
  });
});
