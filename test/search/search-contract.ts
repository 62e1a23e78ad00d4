import type { SearchDocument } from '../../src/search/search-document';
import { Filters, type Filter } from '../../src/search/search-filter';
import type { SearchEngine, SearchQuery, SearchResult } from '../../src/search/search.port';
import {
  buildDemoCatalogue,
  UNITS,
  visibilityFilter,
  visibleTo,
  type DemoCatalogue,
} from './demo-catalogue';

/**
 * The behaviour every SearchEngine adapter must show, defined once and run
 * against each adapter with its own factory. The factory returns a fresh,
 * empty (or emptiable) engine; the suite configures, fills and closes it.
 */
export function defineSearchContract(
  name: string,
  createEngine: () => Promise<SearchEngine>,
): void {
  describe(`SearchEngine contract: ${name}`, () => {
    let engine: SearchEngine;
    let cat: DemoCatalogue;
    const viewer = UNITS.xiaodian;
    const visible = visibilityFilter(viewer);

    const search = (q: SearchQuery): Promise<SearchResult> => engine.search({ limit: 100, ...q });
    const ids = async (q: SearchQuery): Promise<string[]> =>
      (await search(q)).hits.map((h) => h.id);
    const expectedIds = (predicate: (d: SearchDocument) => boolean, filterVisible = true) =>
      cat.all
        .filter((d) => (!filterVisible || visibleTo(viewer, d)) && predicate(d))
        .map((d) => d.id)
        .sort();

    beforeAll(async () => {
      engine = await createEngine();
      await engine.configure();
      await engine.clear();
      cat = buildDemoCatalogue();
      await engine.index(cat.all);
    });

    afterAll(async () => {
      await engine?.close();
    });

    describe('relevance and Chinese analysis', () => {
      it('ranks the series about a subject first', async () => {
        const result = await search({ query: '晋商', filter: visible });
        expect(result.hits[0]?.id).toBe(cat.series.jinshang.id);
        expect(result.hits.map((h) => h.id)).toEqual(
          expect.arrayContaining([cat.resources.qiaojia.id, cat.visibility.ownPrivate.id]),
        );
      });

      it('ranks the series first for another subject too', async () => {
        expect((await ids({ query: '晋剧艺术' }))[0]).toBe(cat.series.jinju.id);
        expect((await ids({ query: '山西面食' }))[0]).toBe(cat.series.mianshi.id);
      });

      it('finds the same documents for 晋剧 and its Traditional form 晉劇', async () => {
        const simplified = await ids({ query: '晋剧' });
        expect(simplified).toEqual(
          expect.arrayContaining([cat.series.jinju.id, cat.resources.changqiang.id]),
        );
        expect(await ids({ query: '晉劇' })).toEqual(simplified);
      });

      it('finds 晋剧 from its pinyin and its pinyin initials', async () => {
        const expected = [cat.series.jinju.id, cat.resources.changqiang.id];
        const byPinyin = await ids({ query: 'jinju' });
        expect(byPinyin).toEqual(expect.arrayContaining(expected));
        expect(byPinyin.slice(0, 2).sort()).toEqual([...expected].sort());
        expect(await ids({ query: 'jj' })).toEqual(expect.arrayContaining(expected));
        expect(await ids({ query: 'JinJu' })).toEqual(byPinyin);
      });

      it('finds 刀削面 from daoxiaomian', async () => {
        expect((await ids({ query: 'daoxiaomian' }))[0]).toBe(cat.resources.daoxiaomian.id);
      });

      it('reads polyphones in context (长治 → changzhi)', async () => {
        expect(await ids({ query: 'changzhi' })).toContain(cat.resources.shangdang.id);
      });

      it('prefix-matches the last word while typing', async () => {
        expect(await ids({ query: 'daoxiao' })).toContain(cat.resources.daoxiaomian.id);
        expect(await ids({ query: '乔家' })).toContain(cat.resources.qiaojia.id);
      });

      it('tolerates one typo in a longer word', async () => {
        expect(await ids({ query: 'jinshnag' })).toContain(cat.series.jinshang.id);
        expect(await ids({ query: 'guangchanwu' })).toContain(cat.resources.guangchangwu.id);
        expect(await ids({ query: 'wehcat' })).toContain(cat.resources.shouji.id);
      });

      it('does not apply typo tolerance to short words', async () => {
        expect(await ids({ query: 'jinx' })).toEqual([]);
      });

      it('handles mixed Chinese, English and digits', async () => {
        expect((await ids({ query: 'CPR 急救' }))[0]).toBe(cat.resources.cpr.id);
        expect(await ids({ query: 'aed' })).toEqual([cat.resources.cpr.id]);
      });

      it('requires every query word to match', async () => {
        expect(await ids({ query: '晋商 刀削面' })).toEqual([]);
        expect(await ids({ query: '乔家大院 晋商' })).toContain(cat.resources.qiaojia.id);
      });

      it('returns nothing for a word no document contains', async () => {
        const result = await search({ query: '航天', facets: ['type'] });
        expect(result).toEqual({ hits: [], totalCount: 0, facets: { type: {} } });
      });
    });

    describe('synonyms', () => {
      it.each([
        ['长者', 'shouji'],
        ['银发', 'guangchangwu'],
        ['反诈', 'fanzha'],
        ['面点', 'daoxiaomian'],
        ['窗花', 'jianzhi'],
        ['古建', 'foguangsi'],
        ['心肺复苏', 'cpr'],
      ] as const)('%s finds %s', async (query, key) => {
        expect(await ids({ query })).toContain(cat.resources[key].id);
      });

      it('finds 中路梆子 when searching 晋剧', async () => {
        expect(await ids({ query: '晋剧' })).toContain(cat.resources.zhonglu.id);
      });
    });

    describe('filters', () => {
      const cases: [string, Filter, (d: SearchDocument) => boolean][] = [
        ['kind', Filters.eq('kind', 'AUDIO'), (d) => d.kind === 'AUDIO'],
        ['type', Filters.eq('type', 'SERIES'), (d) => d.type === 'SERIES'],
        [
          'category',
          Filters.eq('categories', '艺术修养'),
          (d) => d.categories.includes('艺术修养'),
        ],
        [
          'audience (in)',
          Filters.in('audiences', ['老年人', '农村居民']),
          (d) => d.audiences.includes('老年人') || d.audiences.includes('农村居民'),
        ],
        ['city', Filters.eq('cityCode', '140700'), (d) => d.cityCode === '140700'],
        [
          'duration range',
          Filters.range('durationSeconds', { gte: 700, lte: 1500 }),
          (d) =>
            d.durationSeconds !== undefined &&
            d.durationSeconds >= 700 &&
            d.durationSeconds <= 1500,
        ],
        [
          'updated range (open end)',
          Filters.range('updatedAt', { gte: Date.UTC(2024, 0, 15) }),
          (d) => d.updatedAt >= Date.UTC(2024, 0, 15),
        ],
        ['not', Filters.not(Filters.eq('kind', 'VIDEO')), (d) => d.kind !== 'VIDEO'],
      ];

      it.each(cases)('filters by %s when browsing', async (_label, filter, predicate) => {
        const result = await search({ filter: Filters.and(visible, filter) });
        expect(result.hits.map((h) => h.id).sort()).toEqual(expectedIds(predicate));
        expect(result.totalCount).toBe(expectedIds(predicate).length);
      });

      it('combines a filter with query text', async () => {
        const result = await search({ query: '戏曲', filter: Filters.eq('kind', 'AUDIO') });
        expect(result.hits.map((h) => h.id).sort()).toEqual(
          [
            cat.resources.changqiang.id,
            cat.resources.zhonglu.id,
            cat.resources.shangdang.id,
          ].sort(),
        );
      });

      it('matches values with quotes and spaces literally', async () => {
        expect(
          await ids({ filter: Filters.eq('categories', '传统文化" OR type = "SERIES') }),
        ).toEqual([]);
      });

      it('matches nothing for an empty or', async () => {
        expect((await search({ filter: Filters.or() })).totalCount).toBe(0);
      });
    });

    describe('visibility', () => {
      it('never shows another unit’s private document in hits, totals or facets', async () => {
        const result = await search({
          query: '晋商',
          filter: visible,
          facets: ['visibility', 'status', 'ownerUnitId'],
        });
        const hitIds = result.hits.map((h) => h.id);
        expect(hitIds).not.toContain(cat.visibility.otherPrivate.id);
        expect(hitIds).not.toContain(cat.visibility.publicDraft.id);
        expect(hitIds).toContain(cat.visibility.ownPrivate.id);
        expect(result.totalCount).toBe(hitIds.length);
        expect(result.facets.visibility).toEqual({ PUBLIC: hitIds.length - 1, PRIVATE: 1 });
        expect(result.facets.status?.DRAFT).toBe(1);
        expect(result.facets.ownerUnitId?.[UNITS.datong.id]).toBeUndefined();
      });

      it('shows exactly the documents the rule allows when browsing', async () => {
        const result = await search({ filter: visible, limit: 1000 });
        expect(result.hits.map((h) => h.id).sort()).toEqual(expectedIds(() => true));
        expect(result.totalCount).toBe(expectedIds(() => true).length);
        const hitIds = new Set(result.hits.map((h) => h.id));
        expect(hitIds.has(cat.visibility.ancestorSubtree.id)).toBe(true);
        expect(hitIds.has(cat.visibility.province.id)).toBe(true);
        expect(hitIds.has(cat.visibility.foreignSubtree.id)).toBe(false);
        expect(hitIds.has(cat.visibility.otherPrivate.id)).toBe(false);
      });

      it('shows the private document to its own unit', async () => {
        const datongView = visibilityFilter(UNITS.datong);
        expect(await ids({ query: '晋商', filter: datongView })).toContain(
          cat.visibility.otherPrivate.id,
        );
      });
    });

    describe('facets', () => {
      it('counts single-valued fields over the whole filtered result, not the page', async () => {
        const result = await search({
          filter: visible,
          facets: ['type', 'visibility', 'cityCode'],
          limit: 2,
        });
        expect(result.hits).toHaveLength(2);
        const sum = (counts: Record<string, number> | undefined) =>
          Object.values(counts ?? {}).reduce((a, b) => a + b, 0);
        expect(sum(result.facets.type)).toBe(result.totalCount);
        expect(sum(result.facets.visibility)).toBe(result.totalCount);
        const withCity = expectedIds((d) => d.cityCode !== undefined).length;
        expect(sum(result.facets.cityCode)).toBe(withCity);
      });

      it('counts each value of array fields once per document', async () => {
        const result = await search({ query: '戏曲', facets: ['categories', 'kind'] });
        expect(result.facets.categories).toEqual({ 传统文化与本土文化: 1, 艺术修养: 4 });
        expect(result.facets.kind).toEqual({ AUDIO: 3 });
      });
    });

    describe('sorting and pagination', () => {
      it('sorts by newest first', async () => {
        const result = await search({ filter: visible, sort: 'NEWEST' });
        const times = result.hits.map((h) => h.document.updatedAt);
        expect(times).toEqual([...times].sort((a, b) => b - a));
      });

      it('sorts by most adopted first, also with query text', async () => {
        const result = await search({ query: '老年人', sort: 'MOST_ADOPTED' });
        const counts = result.hits.map((h) => h.document.adoptionCount);
        expect(counts.length).toBeGreaterThan(1);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
        expect(result.hits[0]?.id).toBe(cat.resources.fanzha.id);
      });

      it.each([
        ['browsing', { filter: visible, sort: 'NEWEST' } as SearchQuery],
        ['a query', { query: '山西', filter: visible } as SearchQuery],
      ])('pages without overlap or gaps when %s', async (_label, q) => {
        const full = await search({ ...q, limit: 1000 });
        expect(full.totalCount).toBeGreaterThan(3);
        const paged: string[] = [];
        for (let offset = 0; offset < full.totalCount; offset += 3) {
          const page = await search({ ...q, offset, limit: 3 });
          expect(page.totalCount).toBe(full.totalCount);
          paged.push(...page.hits.map((h) => h.id));
        }
        expect(new Set(paged).size).toBe(paged.length);
        expect(paged).toEqual(full.hits.map((h) => h.id));
        const beyond = await search({ ...q, offset: full.totalCount + 5, limit: 3 });
        expect(beyond.hits).toEqual([]);
        expect(beyond.totalCount).toBe(full.totalCount);
      });
    });

    describe('highlighting', () => {
      it('wraps matched words in <em> and escapes the rest', async () => {
        const [hit] = (await search({ query: '急救' })).hits;
        expect(hit?.id).toBe(cat.resources.cpr.id);
        expect(hit?.highlights.title).toBe('CPR <em>急救</em> &lt;入门&gt; &amp; 实操');
      });

      it('highlights Chinese words in title and summary', async () => {
        const hit = (await search({ query: '晋剧' })).hits.find(
          (h) => h.id === cat.resources.changqiang.id,
        );
        expect(hit?.highlights.title).toBe('<em>晋剧</em>唱腔入门');
        expect(hit?.highlights.summary).toContain('<em>晋剧</em>');
      });

      it('highlights the Chinese text a pinyin query matched', async () => {
        const hit = (await search({ query: 'daoxiaomian' })).hits[0];
        expect(hit?.highlights.title).toBe('<em>刀削面</em>的制作');
      });

      it('returns plain escaped text when browsing', async () => {
        const hit = (await search({ filter: Filters.eq('id', cat.resources.cpr.id) })).hits[0];
        expect(hit?.highlights.title).toBe('CPR 急救 &lt;入门&gt; &amp; 实操');
      });
    });

    describe('writes and stamps', () => {
      it('returns stamps for indexed ids only', async () => {
        const stamps = await engine.getStamps([
          cat.resources.qiaojia.id,
          'resource-ffffffffffffffffffffffff',
        ]);
        expect(stamps).toEqual(new Map([[cat.resources.qiaojia.id, 1]]));
      });

      it('replaces a document on re-index (upsert) without duplicating it', async () => {
        const updated = { ...cat.resources.nongji, title: '设施农业大棚技术（第二版）', stamp: 2 };
        await engine.index([updated]);
        expect(await engine.getStamps([updated.id])).toEqual(new Map([[updated.id, 2]]));
        expect(await ids({ query: '第二版' })).toEqual([updated.id]);
        expect(await ids({ query: '大棚' })).toEqual([updated.id]);
      });

      it('removes documents by id and ignores unknown ids', async () => {
        const id = cat.resources.daoxiaomian.id;
        await engine.remove([id, 'resource-eeeeeeeeeeeeeeeeeeeeeeee']);
        expect(await ids({ query: 'daoxiaomian' })).not.toContain(id);
        expect(await ids({ query: '刀削面' })).not.toContain(id);
        expect(await engine.getStamps([id])).toEqual(new Map());
        await engine.index([cat.resources.daoxiaomian]);
        expect(await ids({ query: '刀削面' })).toContain(id);
      });

      it('rejects ids that are not index-safe', async () => {
        await expect(engine.index([{ ...cat.resources.cpr, id: 'resource/1 2' }])).rejects.toThrow(
          /index-safe/,
        );
      });

      it('rejects unknown filter fields', async () => {
        await expect(
          engine.search({ filter: { field: 'secret' as never, eq: 'x' } }),
        ).rejects.toThrow(/Unknown filter field/);
      });

      it('reports health', async () => {
        await expect(engine.health()).resolves.toBeUndefined();
      });

      it('clears every document', async () => {
        await engine.clear();
        expect((await search({})).totalCount).toBe(0);
        expect(await engine.getStamps(cat.all.map((d) => d.id))).toEqual(new Map());
        await engine.index(cat.all);
      });
    });
  });
}
