import { fromGlobalId, toGlobalId } from '../../graphql/global-id';
import type {
  CatalogueSearchRequest,
  CatalogueSearchResult,
} from '../../search/catalogue-search.service';
import { MAX_SEARCH_WINDOW } from '../../search/catalogue-search.service';
import type { Resource } from '../catalogue/resource.type';
import type { Series } from '../catalogue/series.type';
import { decodeCursor, encodeCursor, pageSize } from '../common/cursor';
import type { SearchArgs } from './search.input';
import { SearchFacetFieldEnum } from './search.enums';
import type { SearchConnection, SearchEdge } from './search.type';

const isOffset = (v: Record<string, unknown>): v is { o: number } =>
  typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0 && v.o <= MAX_SEARCH_WINDOW;

/** `after` is an opaque cursor standing for the position after a hit. */
export function offsetAfter(after: string | null | undefined): number {
  return after != null ? decodeCursor(after, 'after', isOffset).o : 0;
}

const orUndefined = <T>(v: T | null | undefined): T | undefined => v ?? undefined;

export function toSearchRequest(args: SearchArgs): CatalogueSearchRequest {
  const f = args.filter ?? {};
  return {
    query: orUndefined(args.query),
    filter: {
      types: orUndefined(f.types),
      kinds: orUndefined(f.kinds),
      categories: orUndefined(f.categories),
      audiences: orUndefined(f.audiences),
      cityCodes: orUndefined(f.cityCodes),
      countyCodes: orUndefined(f.countyCodes),
      seriesIds: f.seriesIds?.map((id) =>
        fromGlobalId(id, 'Series', 'filter.seriesIds').toHexString(),
      ),
      licenses: orUndefined(f.licenses),
      languages: orUndefined(f.languages),
      durationSeconds: f.durationSeconds
        ? { min: orUndefined(f.durationSeconds.min), max: orUndefined(f.durationSeconds.max) }
        : undefined,
      updatedAt: f.updatedAt
        ? { from: orUndefined(f.updatedAt.from), to: orUndefined(f.updatedAt.to) }
        : undefined,
    },
    facets: orUndefined(args.facets),
    sort: orUndefined(args.sort),
    offset: offsetAfter(args.after),
    first: pageSize(args.first),
  };
}

/**
 * Maps the service's result onto the API. `items` holds the loaded, visible
 * catalogue item per hit (null for hits to skip), in hit order; cursors keep
 * counting skipped hits so paging never repeats or loses a position.
 */
export function mapSearchResult(
  result: CatalogueSearchResult,
  items: Array<Resource | Series | null>,
  offset: number,
): SearchConnection {
  const edges: SearchEdge[] = [];
  result.hits.forEach((hit, i) => {
    const item = items[i];
    if (!item) return;
    edges.push({
      cursor: encodeCursor({ o: hit.position + 1 }),
      node: {
        item,
        score: hit.score ?? null,
        highlights: {
          title: hit.highlights.title ?? null,
          summary: hit.highlights.summary ?? null,
          description: hit.highlights.description ?? null,
        },
      },
    });
  });
  return {
    totalCount: result.totalCount,
    edges,
    hits: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: result.hasNextPage,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    facets: result.facets.map(({ facet, values }) => ({
      field: SearchFacetFieldEnum[facet],
      values: values.map((v) => ({
        ...v,
        // Series facet values are what the seriesIds filter takes: global ids.
        value: facet === 'SERIES' ? toGlobalId('Series', v.value) : v.value,
      })),
    })),
  };
}
