import { Types, type FilterQuery } from 'mongoose';
import type { VisibilityScope } from '../../auth/policy';

/**
 * The policy's visibility rule as a MongoDB filter, so counts and pages are
 * computed over visible documents only. Only equality and `$in` on indexed
 * fields: FerretDB pushes those down to SQL.
 */
export function visibilityQuery<
  T extends {
    status: string;
    visibility: string;
    ownerUnitId: Types.ObjectId;
    ownerPath: Types.ObjectId[];
  },
>(scope: VisibilityScope): FilterQuery<T> {
  const or: FilterQuery<T>[] = [
    { status: 'PUBLISHED', visibility: { $in: scope.publishedVisibilities } } as FilterQuery<T>,
  ];
  if (scope.subtreeOwnerIds.length) {
    or.push({
      status: 'PUBLISHED',
      visibility: 'SUBTREE',
      ownerUnitId: { $in: scope.subtreeOwnerIds.map((id) => new Types.ObjectId(id)) },
    } as FilterQuery<T>);
  }
  if (scope.lineUnitId)
    or.push({
      status: 'PUBLISHED',
      ownerPath: new Types.ObjectId(scope.lineUnitId),
    } as FilterQuery<T>);
  if (scope.internalUnitId)
    or.push({ ownerPath: new Types.ObjectId(scope.internalUnitId) } as FilterQuery<T>);
  return { $or: or } as FilterQuery<T>;
}
