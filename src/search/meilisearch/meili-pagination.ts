/**
 * Meilisearch reports an exact `totalHits` only in page mode (page /
 * hitsPerPage); offset/limit mode gives an estimate. The port promises exact
 * totals, so offset/limit is mapped onto a page: directly when the offset is
 * a multiple of the limit (the usual case), otherwise by fetching a first page
 * that covers the window and skipping its head.
 */
export interface PageWindow {
  page: number;
  hitsPerPage: number;
  /** Hits to drop from the start of the returned page. */
  skip: number;
  /** Hits to keep after skipping. */
  take: number;
}

export function toPageWindow(offset: number, limit: number): PageWindow {
  // hitsPerPage 0 asks for counts and facets only.
  if (limit === 0) return { page: 1, hitsPerPage: 0, skip: 0, take: 0 };
  if (offset % limit === 0)
    return { page: offset / limit + 1, hitsPerPage: limit, skip: 0, take: limit };
  return { page: 1, hitsPerPage: offset + limit, skip: offset, take: limit };
}
