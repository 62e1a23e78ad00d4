import { Filters } from './search-filter';
import type { SearchEngine } from './search.port';

/**
 * Every id in the index, page by page, through the port's browse mode (no
 * query text, newest first). Pages are keyed on `updatedAt` (each page asks
 * for documents not newer than the last one seen, skipping the ties already
 * returned), so offsets stay small and Meilisearch's cap on reachable offsets
 * (`maxTotalHits`) does not bound the walk. Writes during the walk may make it
 * miss or repeat an id; callers treat the result as a hint and re-check.
 */
export async function* indexedIds(engine: SearchEngine, pageSize = 1000): AsyncGenerator<string[]> {
  let notNewerThan: number | undefined;
  let skipTies = 0;
  for (;;) {
    const page = await engine.search({
      filter:
        notNewerThan === undefined ? undefined : Filters.range('updatedAt', { lte: notNewerThan }),
      sort: 'NEWEST',
      offset: skipTies,
      limit: pageSize,
    });
    if (page.hits.length === 0) return;
    yield page.hits.map((h) => h.id);
    if (page.hits.length < pageSize) return;
    const last = page.hits[page.hits.length - 1].document.updatedAt;
    const tiesOnPage = page.hits.filter((h) => h.document.updatedAt === last).length;
    skipTies = last === notNewerThan ? skipTies + page.hits.length : tiesOnPage;
    notNewerThan = last;
  }
}
