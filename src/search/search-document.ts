/**
 * The flat, denormalised shape every search engine indexes. The catalogue
 * indexer produces it; search adapters never read the catalogue themselves.
 */
export interface SearchDocument {
  /** Index-safe id: 'resource-<24 hex>' or 'series-<24 hex>' ([A-Za-z0-9_-] only, Meilisearch-compatible). */
  id: string;
  type: 'RESOURCE' | 'SERIES';
  title: string;
  subtitle?: string;
  summary?: string;
  description?: string;
  /** Resources' keywords, series' theme tags. */
  keywords: string[];
  /** Resources only: COURSEWARE_PACKAGE | VIDEO | AUDIO | DOCUMENT | IMAGE_SET | LINK. */
  kind?: string;
  /** e.g. 传统文化与本土文化, 老年教育. */
  categories: string[];
  /** e.g. 老年人, 农村居民. */
  audiences: string[];
  /** e.g. 'zh-CN'. */
  language: string;
  /** e.g. 'CC_BY_NC'. */
  license: string;
  seriesIds: string[];
  seriesTitles: string[];
  ownerUnitId: string;
  ownerUnitName: string;
  /** Unit ids from the province down to the owning unit (inclusive). */
  ownerPath: string[];
  cityCode?: string;
  cityName?: string;
  countyCode?: string;
  countyName?: string;
  visibility: 'PRIVATE' | 'SUBTREE' | 'PROVINCE' | 'PUBLIC';
  status: 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED';
  durationSeconds?: number;
  /** Epoch milliseconds. */
  updatedAt: number;
  adoptionCount: number;
  /** Catalogue version stamp; used to detect stale index entries. */
  stamp: number;
}

/** Ids must survive Meilisearch's primary-key rules, so both adapters reject anything else. */
export const SEARCH_DOCUMENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,511}$/;

/** Text fields that carry prose and are returned with highlights. */
export const HIGHLIGHT_FIELDS = ['title', 'summary', 'description'] as const;
export type HighlightField = (typeof HIGHLIGHT_FIELDS)[number];
