import { loadConfig } from '../config';
import { indexedValues, itemRefOf, searchIdOf, stampOf, versionOfStamp } from './indexer';
import type { SearchDocument } from './search-document';

const doc: Omit<SearchDocument, 'stamp'> = {
  id: 'resource-0123456789abcdef01234567',
  type: 'RESOURCE',
  title: '晋剧唱腔入门',
  keywords: ['晋剧'],
  categories: ['文化艺术'],
  audiences: ['老年人'],
  language: 'zh-CN',
  license: 'CC_BY',
  seriesIds: [],
  seriesTitles: [],
  ownerUnitId: 'u1',
  ownerUnitName: '小店区社区学院',
  ownerPath: ['u0', 'u1'],
  visibility: 'PUBLIC',
  status: 'PUBLISHED',
  updatedAt: 1_700_000_000_000,
  adoptionCount: 0,
};

describe('stamp', () => {
  it('is stable for the same content and version, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(doc).reverse()) as typeof doc;
    expect(stampOf(reordered, 3)).toBe(stampOf(doc, 3));
  });

  it('changes with anything the document says that the version does not track', () => {
    const base = stampOf(doc, 3);
    expect(stampOf({ ...doc, adoptionCount: 1 }, 3)).not.toBe(base);
    expect(stampOf({ ...doc, seriesTitles: ['晋剧艺术'] }, 3)).not.toBe(base);
    expect(stampOf({ ...doc, ownerUnitName: '晋源区社区学院' }, 3)).not.toBe(base);
    expect(stampOf({ ...doc, countyName: '小店区' }, 3)).not.toBe(base);
  });

  it('carries the catalogue version in its high bits and stays an exact JSON number', () => {
    const stamp = stampOf(doc, 42);
    expect(versionOfStamp(stamp)).toBe(42);
    expect(Number.isSafeInteger(stampOf(doc, 2 ** 21 - 1))).toBe(true);
    expect(stampOf(doc, 43)).not.toBe(stamp);
  });
});

describe('index ids and indexed values', () => {
  it('round-trips item refs and refuses foreign ids', () => {
    const ref = { type: 'SERIES' as const, id: '0123456789abcdef01234567' };
    expect(itemRefOf(searchIdOf(ref))).toEqual(ref);
    expect(itemRefOf('resource-xyz')).toBeUndefined();
    expect(itemRefOf('other-0123456789abcdef01234567')).toBeUndefined();
  });

  it('indexes vocabulary codes as their Chinese labels and maps them back', () => {
    expect(indexedValues.category('CULTURE_ARTS')).toBe('文化艺术');
    expect(indexedValues.categoryCode('文化艺术')).toBe('CULTURE_ARTS');
    expect(indexedValues.audienceCode(indexedValues.audience('ELDERLY'))).toBe('ELDERLY');
  });
});

describe('search indexing configuration', () => {
  it('defaults to a ten-minute reconcile and a short sync debounce', () => {
    expect(loadConfig({}).search).toEqual({ reconcileIntervalMs: 600_000, syncDebounceMs: 100 });
  });

  it('accepts 0 (only at start) and rejects intervals that would hammer the catalogue', () => {
    expect(loadConfig({ SEARCH_RECONCILE_INTERVAL_MS: '0' }).search.reconcileIntervalMs).toBe(0);
    expect(() => loadConfig({ SEARCH_RECONCILE_INTERVAL_MS: '10' })).toThrow(
      /SEARCH_RECONCILE_INTERVAL_MS: expected 0 \(only at start\) or milliseconds/,
    );
    expect(() => loadConfig({ SEARCH_SYNC_DEBOUNCE_MS: '-1' })).toThrow(/SEARCH_SYNC_DEBOUNCE_MS/);
  });
});
