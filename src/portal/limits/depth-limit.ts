import { FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { LimitViolation, violation } from './violations';

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Field nesting depth of an operation; root fields are depth 1, fragments are
 * followed. Each fragment's depth is computed once (its depth does not depend
 * on where it is spread), so a document that spreads fragments into
 * fragments many times over costs linear time. A cyclic spread (invalid
 * GraphQL anyway) counts as depth 0 at the point where it closes the cycle.
 */
export function measureDepth(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  options: { ignoreIntrospection?: boolean } = {},
): number {
  const IN_PROGRESS = -1;
  const memo = new Map<string, number>();

  const fragmentDepth = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known === IN_PROGRESS ? 0 : known;
    const fragment = fragments.get(name);
    if (!fragment) return 0;
    memo.set(name, IN_PROGRESS);
    const depth = selectionDepth(fragment.selectionSet);
    memo.set(name, depth);
    return depth;
  };

  const selectionDepth = (set: SelectionSetNode): number => {
    let max = 0;
    for (const selection of set.selections) {
      let depth = 0;
      if (selection.kind === Kind.FIELD) {
        if (options.ignoreIntrospection && INTROSPECTION_ROOTS.has(selection.name.value)) continue;
        depth = 1 + (selection.selectionSet ? selectionDepth(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = selectionDepth(selection.selectionSet);
      } else {
        depth = fragmentDepth(selection.name.value);
      }
      if (depth > max) max = depth;
    }
    return max;
  };

  return selectionDepth(operation.selectionSet);
}

/** `QUERY_TOO_DEEP` if the operation nests fields deeper than `maxDepth`. */
export function checkDepth(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  options: { maxDepth: number; ignoreIntrospection?: boolean },
): { depth: number; violation?: LimitViolation } {
  const depth = measureDepth(operation, fragments, options);
  if (depth <= options.maxDepth) return { depth };
  return {
    depth,
    violation: violation(
      'QUERY_TOO_DEEP',
      `查询嵌套过深（${depth} 层，上限 ${options.maxDepth}）`,
      `Query is nested too deeply (depth ${depth}, limit ${options.maxDepth})`,
      { limit: options.maxDepth, actual: depth },
    ),
  };
}
