import { Types } from 'mongoose';
import type { Logger } from 'pino';
import { canSeeContent, visibilityScope } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import { BadUserInputError, UnavailableError } from '../errors/app-errors';
import type { SeriesRepository } from '../models/catalogue/series.repository';
import type { Audience, Category, License, ResourceKind } from '../models/catalogue/vocabulary';
import { contentRefOf } from '../services/catalogue/content-ref';
import { facetLabels } from './facet-labels';
import {
  indexedValues,
  itemRefOf,
  searchIdOf,
  SERIES_LICENSE,
  type CatalogueItemRef,
  type CatalogueItemType,
} from './indexer';
import type { RegionLabels } from './region-labels';
import type { HighlightField } from './search-document';
import { Filters, type Filter, type FilterField } from './search-filter';
import {
  InvalidSearchRequestError,
  SearchUnavailableError,
  type SearchEngine,
  type SearchSort,
} from './search.port';
import { visibilityFilter } from './visibility-filter';

/** Longest query text accepted: longer input is almost always pasted prose, and costs jieba time. */
export const MAX_QUERY_LENGTH = 100;
/** Deepest result position reachable by paging: refine the query rather than page further. */
export const MAX_SEARCH_WINDOW = 1000;
/** Values per filter list. */
export const MAX_FILTER_VALUES = 50;
/** Values returned per facet, most frequent first. */
export const MAX_FACET_VALUES = 200;

export const SEARCH_FACETS = [
  'TYPE',
  'KIND',
  'CATEGORY',
  'AUDIENCE',
  'CITY',
  'COUNTY',
  'SERIES',
  'LICENSE',
  'LANGUAGE',
] as const;
export type SearchFacetName = (typeof SEARCH_FACETS)[number];

const FACET_FIELD: Record<SearchFacetName, FilterField> = {
  TYPE: 'type',
  KIND: 'kind',
  CATEGORY: 'categories',
  AUDIENCE: 'audiences',
  CITY: 'cityCode',
  COUNTY: 'countyCode',
  SERIES: 'seriesIds',
  LICENSE: 'license',
  LANGUAGE: 'language',
};

export interface CatalogueSearchFilter {
  types?: CatalogueItemType[];
  kinds?: ResourceKind[];
  categories?: Category[];
  audiences?: Audience[];
  cityCodes?: string[];
  countyCodes?: string[];
  /** Hex ids of series whose episodes to find. */
  seriesIds?: string[];
  licenses?: License[];
  languages?: string[];
  durationSeconds?: { min?: number; max?: number };
  updatedAt?: { from?: Date; to?: Date };
}

export interface CatalogueSearchRequest {
  query?: string;
  filter?: CatalogueSearchFilter;
  facets?: SearchFacetName[];
  /** Default: RELEVANCE with query text, NEWEST without. */
  sort?: SearchSort;
  /** Zero-based position of the first hit. */
  offset: number;
  first: number;
}

export interface CatalogueSearchHit {
  item: CatalogueItemRef;
  /** Position in the full result (zero-based), for cursors. */
  position: number;
  score?: number;
  highlights: Partial<Record<HighlightField, string>>;
}

export interface FacetValue {
  /** What a filter takes: a code, a division code, or a series' hex id. */
  value: string;
  label: string;
  count: number;
}

export interface CatalogueSearchResult {
  hits: CatalogueSearchHit[];
  totalCount: number;
  facets: Array<{ facet: SearchFacetName; values: FacetValue[] }>;
  /** Whether another page can be fetched (within {@link MAX_SEARCH_WINDOW}). */
  hasNextPage: boolean;
}

const DIVISION_CODE = /^\d{6}$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

/**
 * Full-text search over the catalogue for one viewer. The policy's visibility
 * rule goes into the engine's filter, so hits, totalCount and facets only ever
 * count what the viewer may see; facet labels are looked up here.
 */
export class CatalogueSearchService {
  constructor(
    private readonly engine: SearchEngine,
    private readonly series: SeriesRepository,
    private readonly regions: RegionLabels,
    private readonly log: Logger,
  ) {}

  async search(viewer: Viewer, request: CatalogueSearchRequest): Promise<CatalogueSearchResult> {
    const query = (request.query ?? '').trim();
    if (query.length > MAX_QUERY_LENGTH)
      throw new BadUserInputError(
        `搜索词最多 ${MAX_QUERY_LENGTH} 个字符 / query is limited to ${MAX_QUERY_LENGTH} characters`,
        'query',
      );
    if (request.offset + request.first > MAX_SEARCH_WINDOW)
      throw new BadUserInputError(
        `最多翻到第 ${MAX_SEARCH_WINDOW} 条结果，请缩小搜索范围 / results beyond position ${MAX_SEARCH_WINDOW} are not paged; refine the query`,
        'after',
      );
    const facets = Array.from(new Set(request.facets ?? []));
    const filter = Filters.and(
      visibilityFilter(visibilityScope(viewer)),
      ...userFilters(request.filter ?? {}),
    );

    let result;
    try {
      result = await this.engine.search({
        query,
        filter,
        facets: facets.map((f) => FACET_FIELD[f]),
        sort: request.sort,
        offset: request.offset,
        limit: request.first,
      });
    } catch (err) {
      if (err instanceof SearchUnavailableError) {
        this.log.warn({ err }, 'search engine unavailable');
        throw new UnavailableError(
          '搜索暂时不可用，请稍后再试 / search is temporarily unavailable',
        );
      }
      if (err instanceof InvalidSearchRequestError) throw new BadUserInputError(err.message);
      throw err;
    }

    const hits: CatalogueSearchHit[] = [];
    result.hits.forEach((hit, i) => {
      const item = itemRefOf(hit.id);
      if (!item) {
        this.log.warn({ id: hit.id }, 'search index holds an id the indexer never writes; skipped');
        return;
      }
      hits.push({
        item,
        position: request.offset + i,
        ...(hit.score !== undefined ? { score: hit.score } : {}),
        highlights: hit.highlights,
      });
    });
    const reachable = Math.min(result.totalCount, MAX_SEARCH_WINDOW);
    return {
      hits,
      totalCount: result.totalCount,
      facets: await this.labelFacets(viewer, facets, result.facets),
      hasNextPage: request.offset + result.hits.length < reachable,
    };
  }

  private async labelFacets(
    viewer: Viewer,
    facets: SearchFacetName[],
    counts: Partial<Record<FilterField, Record<string, number>>>,
  ): Promise<CatalogueSearchResult['facets']> {
    const entries = (facet: SearchFacetName) =>
      Object.entries(counts[FACET_FIELD[facet]] ?? {})
        .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
        .slice(0, MAX_FACET_VALUES);

    const regionCodes = facets
      .filter((f) => f === 'CITY' || f === 'COUNTY')
      .flatMap((f) => entries(f).map(([code]) => code));
    const seriesHexes = facets.includes('SERIES')
      ? entries('SERIES').flatMap(([id]) => {
          const ref = itemRefOf(id);
          return ref?.type === 'SERIES' ? [ref.id] : [];
        })
      : [];
    const [regions, seriesDocs] = await Promise.all([
      this.regions.byCode(regionCodes),
      seriesHexes.length
        ? this.series.findByIds(seriesHexes.map((h) => new Types.ObjectId(h)))
        : Promise.resolve([]),
    ]);
    // The indexer only writes series every viewer of the episode may see; this is defence in depth.
    const seriesTitles = new Map(
      seriesDocs
        .filter((s) => canSeeContent(viewer, contentRefOf(s)))
        .map((s) => [searchIdOf({ type: 'SERIES', id: s._id.toHexString() }), s]),
    );

    return facets.map((facet) => {
      const values: FacetValue[] = [];
      for (const [raw, count] of entries(facet)) {
        const labelled = this.label(facet, raw, regions, seriesTitles);
        if (labelled) values.push({ value: labelled[0], label: labelled[1], count });
      }
      return { facet, values };
    });
  }

  private label(
    facet: SearchFacetName,
    raw: string,
    regions: Map<string, string>,
    series: Map<string, { _id: Types.ObjectId; title: string }>,
  ): [string, string] | undefined {
    switch (facet) {
      case 'TYPE':
        return [raw, facetLabels.type(raw)];
      case 'KIND':
        return [raw, facetLabels.kind(raw)];
      case 'CATEGORY':
        return facetLabels.category(raw);
      case 'AUDIENCE':
        return facetLabels.audience(raw);
      case 'CITY':
      case 'COUNTY':
        return [raw, regions.get(raw) ?? raw];
      case 'SERIES': {
        const s = series.get(raw);
        if (!s) {
          this.log.warn({ series: raw }, 'series facet value not visible or gone; index stale?');
          return undefined;
        }
        return [s._id.toHexString(), s.title];
      }
      case 'LICENSE':
        // Series carry no licence; their placeholder is not a value anyone can filter on.
        return raw === SERIES_LICENSE ? undefined : [raw, facetLabels.license(raw)];
      case 'LANGUAGE':
        return [raw, facetLabels.language(raw)];
    }
  }
}

/** The caller's filters, each a clause ANDed with the visibility rule; values within one field are ORed. */
function userFilters(f: CatalogueSearchFilter): Filter[] {
  const out: Filter[] = [];
  const list = <T extends string>(
    name: string,
    values: T[] | undefined,
    field: FilterField,
    toIndexed: (v: T) => string = (v) => v,
    valid: (v: string) => boolean = () => true,
  ) => {
    if (values === undefined) return;
    if (values.length > MAX_FILTER_VALUES)
      throw new BadUserInputError(
        `${name} 最多 ${MAX_FILTER_VALUES} 个值 / ${name} takes at most ${MAX_FILTER_VALUES} values`,
        `filter.${name}`,
      );
    const bad = values.find((v) => !valid(v));
    if (bad !== undefined)
      throw new BadUserInputError(
        `${name} 的值无效：${bad} / invalid ${name} value: ${bad}`,
        `filter.${name}`,
      );
    out.push(Filters.in(field, Array.from(new Set(values.map(toIndexed)))));
  };
  list('types', f.types, 'type');
  list('kinds', f.kinds, 'kind');
  list('categories', f.categories, 'categories', indexedValues.category);
  list('audiences', f.audiences, 'audiences', indexedValues.audience);
  list('cityCodes', f.cityCodes, 'cityCode', undefined, (v) => DIVISION_CODE.test(v));
  list('countyCodes', f.countyCodes, 'countyCode', undefined, (v) => DIVISION_CODE.test(v));
  list('seriesIds', f.seriesIds, 'seriesIds', (id) => searchIdOf({ type: 'SERIES', id }));
  list('licenses', f.licenses, 'license');
  list('languages', f.languages, 'language', undefined, (v) => LANGUAGE_TAG.test(v));

  const duration = f.durationSeconds;
  if (duration && (duration.min !== undefined || duration.max !== undefined)) {
    for (const bound of [duration.min, duration.max])
      if (bound !== undefined && (!Number.isInteger(bound) || bound < 0))
        throw new BadUserInputError(
          '时长应为非负整数秒 / duration bounds must be whole seconds ≥ 0',
          'filter.durationSeconds',
        );
    if (duration.min !== undefined && duration.max !== undefined && duration.min > duration.max)
      throw new BadUserInputError('时长下限大于上限 / min is above max', 'filter.durationSeconds');
    out.push(Filters.range('durationSeconds', { gte: duration.min, lte: duration.max }));
  }
  const updated = f.updatedAt;
  if (updated && (updated.from !== undefined || updated.to !== undefined)) {
    const from = updated.from?.getTime();
    const to = updated.to?.getTime();
    if (
      (from !== undefined && !Number.isFinite(from)) ||
      (to !== undefined && !Number.isFinite(to))
    )
      throw new BadUserInputError('无效的时间 / invalid date', 'filter.updatedAt');
    if (from !== undefined && to !== undefined && from > to)
      throw new BadUserInputError('开始时间晚于结束时间 / from is after to', 'filter.updatedAt');
    out.push(Filters.range('updatedAt', { gte: from, lte: to }));
  }
  return out;
}
