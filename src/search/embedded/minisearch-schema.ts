import MiniSearch, { type Options } from 'minisearch';
import type { SearchDocument } from '../search-document';
import { buildSearchFields, type DerivedSearchFields } from '../text/search-fields';
import { indexTokens } from '../text/tokenizer';

/** What MiniSearch indexes: the document plus the shared derived pinyin fields. */
export type IndexedDocument = SearchDocument &
  Pick<DerivedSearchFields, '_titlePinyin' | '_titleInitials' | '_pinyin' | '_initials'>;

/**
 * Searchable fields with their ranking weights (title over keywords over
 * summary over description, the same order Meilisearch's searchableAttributes
 * use). `_simplified` is not indexed here: the embedded tokenizer folds
 * Traditional characters itself, so the field would only double-count.
 */
export const FIELD_BOOSTS: Readonly<Record<string, number>> = {
  title: 10,
  // A title typed in pinyin ranks just below the title typed in characters.
  _titlePinyin: 9,
  _titleInitials: 7,
  subtitle: 4,
  keywords: 5,
  seriesTitles: 3,
  _pinyin: 4,
  _initials: 3,
  summary: 2,
  description: 1,
  categories: 1.5,
  audiences: 1.5,
  ownerUnitName: 1,
  cityName: 1,
  countyName: 1,
};

export const PINYIN_FIELDS: ReadonlySet<string> = new Set([
  '_titlePinyin',
  '_titleInitials',
  '_pinyin',
  '_initials',
]);

export function toIndexedDocument(doc: SearchDocument): IndexedDocument {
  const { _titlePinyin, _titleInitials, _pinyin, _initials } = buildSearchFields(doc);
  return { ...doc, _titlePinyin, _titleInitials, _pinyin, _initials };
}

export function miniSearchOptions(): Options<IndexedDocument> {
  return {
    idField: 'id',
    fields: Object.keys(FIELD_BOOSTS),
    storeFields: [],
    extractField: (doc, field) => {
      const value = (doc as unknown as Record<string, unknown>)[field];
      if (Array.isArray(value)) return value.join('\n');
      return typeof value === 'string' ? value : value === undefined ? '' : String(value);
    },
    tokenize: (text) => indexTokens(text),
    // Tokens are already normalised by the shared analysis.
    processTerm: (term) => term,
    searchOptions: {
      // Query trees are built from already-analysed tokens (see query-builder).
      tokenize: (text) => [text],
      processTerm: (term) => term,
    },
    autoVacuum: true,
  };
}

export function createMiniSearch(): MiniSearch<IndexedDocument> {
  return new MiniSearch<IndexedDocument>(miniSearchOptions());
}
