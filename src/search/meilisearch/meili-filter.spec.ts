import { Filters } from '../search-filter';
import { MEILI_FALSE, quoteFilterValue, toMeiliFilter } from './meili-filter';

describe('toMeiliFilter', () => {
  it('translates leaves', () => {
    expect(toMeiliFilter(Filters.eq('kind', 'VIDEO'))).toBe('kind = "VIDEO"');
    expect(toMeiliFilter(Filters.eq('adoptionCount', 3))).toBe('adoptionCount = 3');
    expect(toMeiliFilter(Filters.in('audiences', ['老年人', '农村居民']))).toBe(
      'audiences IN ["老年人", "农村居民"]',
    );
    expect(toMeiliFilter(Filters.range('durationSeconds', { gte: 60, lte: 600 }))).toBe(
      '(durationSeconds >= 60 AND durationSeconds <= 600)',
    );
    expect(toMeiliFilter(Filters.range('updatedAt', { gte: 1704067200000 }))).toBe(
      'updatedAt >= 1704067200000',
    );
  });

  it('quotes and escapes values so they cannot change the expression', () => {
    expect(quoteFilterValue('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(toMeiliFilter(Filters.eq('categories', '传统" OR visibility = "PRIVATE'))).toBe(
      'categories = "传统\\" OR visibility = \\"PRIVATE"',
    );
  });

  it('translates the visibility rule with grouping', () => {
    const rule = Filters.or(
      Filters.and(Filters.eq('visibility', 'PUBLIC'), Filters.eq('status', 'PUBLISHED')),
      Filters.eq('ownerPath', 'u-xd'),
      Filters.and(Filters.eq('visibility', 'SUBTREE'), Filters.in('ownerUnitId', ['u-sx', 'u-ty'])),
    );
    expect(toMeiliFilter(rule)).toBe(
      '((visibility = "PUBLIC") AND (status = "PUBLISHED")) OR (ownerPath = "u-xd") OR ' +
        '((visibility = "SUBTREE") AND (ownerUnitId IN ["u-sx", "u-ty"]))',
    );
    expect(toMeiliFilter(Filters.and(rule, Filters.not(Filters.eq('kind', 'LINK'))))).toMatch(
      /^\(.+\) AND \(NOT \(kind = "LINK"\)\)$/,
    );
  });

  it('folds empty combinations to constants', () => {
    expect(toMeiliFilter(undefined)).toBeUndefined();
    expect(toMeiliFilter(Filters.and())).toBeUndefined();
    expect(toMeiliFilter(Filters.or())).toBe(MEILI_FALSE);
    expect(toMeiliFilter(Filters.in('kind', []))).toBe(MEILI_FALSE);
    expect(toMeiliFilter(Filters.and(Filters.eq('kind', 'VIDEO'), Filters.or()))).toBe(MEILI_FALSE);
    expect(toMeiliFilter(Filters.or(Filters.eq('kind', 'VIDEO'), Filters.and()))).toBeUndefined();
    expect(toMeiliFilter(Filters.not(Filters.or()))).toBeUndefined();
  });

  it('rejects unknown fields and bad ranges', () => {
    expect(() => toMeiliFilter({ field: 'title' as never, eq: 'x' })).toThrow(
      /Unknown filter field/,
    );
    expect(() => toMeiliFilter({ field: 'updatedAt' })).toThrow(/gte and\/or lte/);
    expect(() => toMeiliFilter(Filters.range('updatedAt', { gte: Number.NaN }))).toThrow(/finite/);
  });
});
