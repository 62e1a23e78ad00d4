import type { Container } from '../../src/container';
import { CatalogueIndexer } from '../../src/search/indexer';
import type { SearchDocument } from '../../src/search/search-document';
import { Filters } from '../../src/search/search-filter';
import type { SearchEngine } from '../../src/search/search.port';
import { startTestHub, type TestHub } from '../helpers/test-hub';

/**
 * A test hub whose search sync writes almost at once and whose reconciler
 * runs only when a test asks (or at start), so tests decide when to look.
 */
export function startSearchHub(
  opts: { env?: Record<string, string>; beforeListen?: (c: Container) => Promise<void> } = {},
): Promise<TestHub> {
  return startTestHub({
    ...opts,
    env: { SEARCH_SYNC_DEBOUNCE_MS: '5', SEARCH_RECONCILE_INTERVAL_MS: '0', ...opts.env },
  });
}

/** Waits until every catalogue change so far is written to the index. */
export async function settled(t: TestHub): Promise<void> {
  // Catalogue events are queued before a mutation's response is sent, so
  // flushing now covers every write the test has seen complete.
  await t.hub.searchIndexing.reconciler.whenIdle();
  await t.hub.searchIndexing.sync.flush();
}

/** Every document in the engine, read back through the search port. */
export async function indexedDocuments(engine: SearchEngine): Promise<Map<string, SearchDocument>> {
  const out = new Map<string, SearchDocument>();
  for (let offset = 0; ; offset += 1000) {
    const page = await engine.search({ sort: 'NEWEST', offset, limit: 1000 });
    for (const hit of page.hits) out.set(hit.id, hit.document);
    if (offset + 1000 >= page.totalCount) return out;
  }
}

/** Freshly built documents for every resource and series in MongoDB. */
export async function freshDocuments(c: Container): Promise<Map<string, SearchDocument>> {
  const indexer = new CatalogueIndexer(c.repos);
  const [resources, series] = await Promise.all([
    c.models.Resource.find().lean().exec(),
    c.models.Series.find().lean().exec(),
  ]);
  const docs = [
    ...(await indexer.buildResources(resources as never)),
    ...(await indexer.buildSeries(series as never)),
  ];
  return new Map(docs.map((d) => [d.id, d]));
}

/**
 * Differences between the index and the catalogue: items missing from the
 * index, stale entries (document differs), and entries of no catalogue item.
 */
export async function indexDrift(
  c: Container,
  engine: SearchEngine = c.search,
): Promise<{ missing: string[]; stale: string[]; extra: string[] }> {
  const [fresh, indexed] = await Promise.all([freshDocuments(c), indexedDocuments(engine)]);
  const missing = [...fresh.keys()].filter((id) => !indexed.has(id));
  const stale = [...fresh.entries()]
    .filter(([id, doc]) => indexed.has(id) && !equalDocs(indexed.get(id)!, doc))
    .map(([id]) => id);
  const extra = [...indexed.keys()].filter((id) => !fresh.has(id));
  return { missing, stale, extra };
}

function equalDocs(a: SearchDocument, b: SearchDocument): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}

/** The indexed document of one item, if any. */
export async function indexedDocument(
  engine: SearchEngine,
  id: string,
): Promise<SearchDocument | undefined> {
  const page = await engine.search({ filter: Filters.eq('id', id), limit: 1 });
  return page.hits[0]?.document;
}

export const SEARCH_QUERY = `
  query Search($query: String, $filter: SearchFilterInput, $facets: [SearchFacetField!], $sort: SearchSort, $first: Int! = 20, $after: String) {
    search(query: $query, filter: $filter, facets: $facets, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { score highlights { title summary description }
        item { __typename ... on Resource { id title status visibility } ... on Series { id title status visibility } } } }
      facets { field values { value label count } }
    }
  }`;

export interface SearchData {
  search: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: Array<{
      cursor: string;
      node: {
        score: number | null;
        highlights: { title: string | null; summary: string | null; description: string | null };
        item: {
          __typename: 'Resource' | 'Series';
          id: string;
          title: string;
          status: string;
          visibility: string;
        };
      };
    }>;
    facets: Array<{
      field: string;
      values: Array<{ value: string; label: string; count: number }>;
    }>;
  };
}

/** Runs `search` through the real GraphQL endpoint; throws on GraphQL errors. */
export function searchOps(t: TestHub) {
  const raw = (variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.gql<SearchData>(SEARCH_QUERY, variables, { headers });
  return {
    raw,
    async search(variables: Record<string, unknown>, headers: Record<string, string> = {}) {
      const res = await raw(variables, headers);
      if (res.body.errors) throw new Error(`search failed: ${JSON.stringify(res.body.errors)}`);
      return res.body.data!.search;
    },
    /** Ids of the hits (up to 100). */
    async ids(variables: Record<string, unknown>, headers: Record<string, string> = {}) {
      const res = await raw({ first: 100, ...variables }, headers);
      if (res.body.errors) throw new Error(`search failed: ${JSON.stringify(res.body.errors)}`);
      return res.body.data!.search.edges.map((e) => e.node.item.id);
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
