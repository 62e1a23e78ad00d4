import { LimitViolation, violation } from './violations';
import { WalkContext, collectFields } from './document-walk';

/**
 * Number of distinct root response keys the operation executes (fragments
 * followed, aliases counted separately, duplicates merged as the executor does).
 */
export function countRootFields(ctx: WalkContext): number {
  const rootType = ctx.schema.getRootType(ctx.operation.operation) ?? undefined;
  return collectFields(ctx, [{ selectionSet: ctx.operation.selectionSet, parentType: rootType }])
    .size;
}

/** `QUERY_TOO_MANY_ROOT_FIELDS` if the operation selects more than `maxRootFields` root fields. */
export function checkRootFields(
  ctx: WalkContext,
  maxRootFields: number,
): { rootFields: number; violation?: LimitViolation } {
  const rootFields = countRootFields(ctx);
  if (rootFields <= maxRootFields) return { rootFields };
  return {
    rootFields,
    violation: violation(
      'QUERY_TOO_MANY_ROOT_FIELDS',
      `查询的根字段过多（${rootFields} 个，上限 ${maxRootFields}）`,
      `Query selects too many root fields (${rootFields}, limit ${maxRootFields})`,
      { limit: maxRootFields, actual: rootFields },
    ),
  };
}
