import type { SearchDocument } from '../search-document';
import { buildSearchFields, type DerivedSearchFields } from '../text/search-fields';

/** What is stored in Meilisearch: the document, the shared derived fields and a rank helper. */
export type MeiliDocument = SearchDocument &
  DerivedSearchFields & {
    /** 1 for series, 0 for resources; the last ranking rule, so series win ties. */
    _seriesRank: number;
  };

export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  return { ...doc, ...buildSearchFields(doc), _seriesRank: doc.type === 'SERIES' ? 1 : 0 };
}

/** Drops derived fields (`_pinyin`, `_formatted`, `_rankingScore`, …) from a stored hit. */
export function fromMeiliHit(hit: Record<string, unknown>): SearchDocument {
  const doc: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(hit)) {
    if (!key.startsWith('_')) doc[key] = value;
  }
  return doc as unknown as SearchDocument;
}
