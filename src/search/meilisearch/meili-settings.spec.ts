import { FILTERABLE_FIELDS } from '../search-filter';
import { buildSearchFields } from '../text/search-fields';
import { fromMeiliHit, toMeiliDocument } from './meili-documents';
import { toPageWindow } from './meili-pagination';
import { buildMeiliSettings, MEILI_SEARCHABLE_ATTRIBUTES } from './meili-settings';
import { meiliHighlights, MEILI_POST_TAG, MEILI_PRE_TAG } from './meili-highlight';
import type { SearchDocument } from '../search-document';

const doc: SearchDocument = {
  id: 'series-0123456789abcdef01234567',
  type: 'SERIES',
  title: '晋剧艺术 <入门>',
  summary: '山西地方戏曲',
  keywords: ['戏曲'],
  categories: [],
  audiences: [],
  language: 'zh-CN',
  license: 'CC_BY_NC',
  seriesIds: [],
  seriesTitles: [],
  ownerUnitId: 'u',
  ownerUnitName: 'U',
  ownerPath: ['u'],
  visibility: 'PUBLIC',
  status: 'PUBLISHED',
  updatedAt: 1,
  adoptionCount: 0,
  stamp: 1,
};

describe('buildMeiliSettings', () => {
  const settings = buildMeiliSettings();

  it('searches title first and includes every derived field', () => {
    expect(settings.searchableAttributes?.[0]).toBe('title');
    const order = settings.searchableAttributes ?? [];
    expect(order.indexOf('keywords')).toBeLessThan(order.indexOf('summary'));
    expect(order.indexOf('summary')).toBeLessThan(order.indexOf('description'));
    for (const derived of Object.keys(buildSearchFields(doc))) expect(order).toContain(derived);
  });

  it('declares every filter field filterable and the sort fields sortable', () => {
    expect(settings.filterableAttributes).toEqual([...FILTERABLE_FIELDS]);
    expect(settings.sortableAttributes).toEqual(
      expect.arrayContaining(['updatedAt', 'adoptionCount']),
    );
    expect(settings.rankingRules?.[0]).toBe('sort');
    expect(settings.rankingRules).toContain('_seriesRank:desc');
  });

  it('expands mutual synonym groups in both directions', () => {
    expect(settings.synonyms?.['长者']).toEqual(expect.arrayContaining(['老年人', '老人', '老年']));
    expect(settings.synonyms?.['老年人']).toContain('长者');
    expect(settings.synonyms?.['窗花']).toEqual(['剪纸']);
  });

  it('tolerates typos like the embedded engine', () => {
    expect(settings.typoTolerance).toEqual({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    });
    expect(settings.pagination?.maxTotalHits).toBeGreaterThanOrEqual(10_000);
    expect(settings.localizedAttributes?.[0]?.locales).toEqual(['cmn']);
    expect(MEILI_SEARCHABLE_ATTRIBUTES).toContain('_pinyin');
    // Title pinyin ranks right after the title itself.
    expect(MEILI_SEARCHABLE_ATTRIBUTES.slice(0, 3)).toEqual([
      'title',
      '_titlePinyin',
      '_titleInitials',
    ]);
  });
});

describe('Meilisearch documents', () => {
  it('adds derived fields and strips them from hits', () => {
    const stored = toMeiliDocument(doc);
    expect(stored._titlePinyin.split(' ')).toContain('jinju');
    expect(stored._titleInitials.split(' ')).toContain('jj');
    expect(stored._seriesRank).toBe(1);
    expect(fromMeiliHit({ ...stored, _formatted: {}, _rankingScore: 0.5 })).toEqual(doc);
  });
});

describe('toPageWindow', () => {
  it('maps aligned offsets to pages and covers unaligned windows', () => {
    expect(toPageWindow(0, 20)).toEqual({ page: 1, hitsPerPage: 20, skip: 0, take: 20 });
    expect(toPageWindow(40, 20)).toEqual({ page: 3, hitsPerPage: 20, skip: 0, take: 20 });
    expect(toPageWindow(5, 10)).toEqual({ page: 1, hitsPerPage: 15, skip: 5, take: 10 });
    expect(toPageWindow(7, 0)).toEqual({ page: 1, hitsPerPage: 0, skip: 0, take: 0 });
  });
});

describe('meiliHighlights', () => {
  it('escapes Meilisearch-marked text and turns markers into <em>', () => {
    const formatted = { title: `${MEILI_PRE_TAG}晋剧${MEILI_POST_TAG}艺术 <入门>` };
    const out = meiliHighlights(doc, formatted, { literal: ['晋剧'], pinyin: [], prefix: true });
    expect(out.title).toBe('<em>晋剧</em>艺术 &lt;入门&gt;');
  });

  it('falls back to the shared highlighter for pinyin queries', () => {
    const out = meiliHighlights(
      doc,
      { title: doc.title },
      { literal: ['jinju'], pinyin: ['jinju'], prefix: true },
    );
    expect(out.title).toBe('<em>晋剧</em>艺术 &lt;入门&gt;');
    expect(out.summary).toBe('山西地方戏曲');
  });
});
