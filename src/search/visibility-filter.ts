import type { VisibilityScope } from '../auth/policy';
import { Filters, type Filter } from './search-filter';

/**
 * The policy's visibility rule ({@link VisibilityScope}, from
 * `visibilityScope(viewer)`) as a search filter, clause for clause the same as
 * the MongoDB translation in `models/catalogue/visibility-query.ts`. It is
 * applied inside the engine, so hits, totalCount and facets are computed over
 * visible documents only; pages are never trimmed afterwards.
 */
export function visibilityFilter(scope: VisibilityScope): Filter {
  const published = Filters.eq('status', 'PUBLISHED');
  const or: Filter[] = [];
  if (scope.publishedVisibilities.length) {
    or.push(Filters.and(published, Filters.in('visibility', [...scope.publishedVisibilities])));
  }
  if (scope.subtreeOwnerIds.length) {
    or.push(
      Filters.and(
        published,
        Filters.eq('visibility', 'SUBTREE'),
        Filters.in('ownerUnitId', [...scope.subtreeOwnerIds]),
      ),
    );
  }
  if (scope.lineUnitId) or.push(Filters.and(published, Filters.eq('ownerPath', scope.lineUnitId)));
  if (scope.internalUnitId) or.push(Filters.eq('ownerPath', scope.internalUnitId));
  // An empty `or` matches nothing in every engine: a scope that grants nothing shows nothing.
  return Filters.or(...or);
}
