import type { Settings } from 'meilisearch/dist/index';
import { FILTERABLE_FIELDS } from '../search-filter';
import { DOMAIN_WORDS } from '../text/domain-words';
import { allSynonymTerms, toMeilisearchSynonyms } from '../text/synonyms';
import { STOP_WORDS } from '../text/tokenizer';

/** Largest exact totalCount Meilisearch reports; also the deepest reachable offset. */
export const MEILI_MAX_TOTAL_HITS = 100_000;
/** Distinct values returned per facet. */
export const MEILI_MAX_VALUES_PER_FACET = 1000;

/**
 * Searchable attributes in ranking order (Meilisearch's `attribute` rule
 * prefers earlier ones): title over keywords over summary over description,
 * the pinyin fields next to the title-like fields they are derived from.
 * Mirrors the field boosts of the embedded engine.
 */
export const MEILI_SEARCHABLE_ATTRIBUTES = [
  'title',
  '_titlePinyin',
  '_titleInitials',
  'subtitle',
  'keywords',
  '_pinyin',
  '_initials',
  'seriesTitles',
  '_simplified',
  'summary',
  'description',
  'categories',
  'audiences',
  'ownerUnitName',
  'cityName',
  'countyName',
] as const;

/** Fields holding Chinese text; pinned to Mandarin so short titles are never read as Japanese. */
const CHINESE_ATTRIBUTES = MEILI_SEARCHABLE_ATTRIBUTES.filter(
  (a) => !a.startsWith('_') || a === '_simplified',
);

export function buildMeiliSettings(): Settings {
  return {
    searchableAttributes: [...MEILI_SEARCHABLE_ATTRIBUTES],
    displayedAttributes: ['*'],
    filterableAttributes: [...FILTERABLE_FIELDS],
    // _seriesRank only feeds the custom ranking rule; listing it as sortable is harmless
    // and keeps older Meilisearch versions that validate rule fields happy.
    sortableAttributes: ['updatedAt', 'adoptionCount', '_seriesRank'],
    // `sort` first: an explicit NEWEST / MOST_ADOPTED order is strict, as in
    // the embedded engine. `_seriesRank` lifts series on otherwise equal matches.
    rankingRules: [
      'sort',
      'words',
      'typo',
      'proximity',
      'attribute',
      'exactness',
      '_seriesRank:desc',
    ],
    synonyms: toMeilisearchSynonyms(),
    stopWords: Array.from(STOP_WORDS),
    // Same extra words the jieba segmenter of the embedded engine gets.
    dictionary: Array.from(
      new Set([...DOMAIN_WORDS, ...allSynonymTerms().filter((t) => /\p{Script=Han}/u.test(t))]),
    ),
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    },
    pagination: { maxTotalHits: MEILI_MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: MEILI_MAX_VALUES_PER_FACET },
    localizedAttributes: [{ attributePatterns: [...CHINESE_ATTRIBUTES], locales: ['cmn'] }],
  };
}
