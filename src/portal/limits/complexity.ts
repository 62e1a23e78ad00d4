import {
  FieldNode,
  GraphQLField,
  GraphQLNamedType,
  Kind,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isObjectType,
} from 'graphql';
import { QueryLimitOptions } from './limit-options';
import { FieldOccurrence, ScopedSelectionSet, WalkContext, collectFields } from './document-walk';
import { LimitViolation, violation } from './violations';

/** Options of the complexity estimate (a subset of the query limits). */
export type ComplexityOptions = Pick<
  QueryLimitOptions,
  | 'maxCost'
  | 'maxPageSize'
  | 'objectFieldCost'
  | 'scalarFieldCost'
  | 'fieldCosts'
  | 'pageSizeArgs'
  | 'maxDepth'
>;

/** Result of `estimateComplexity`. */
export interface ComplexityResult {
  /** Estimated cost; when `truncated`, a lower bound that already exceeds `maxCost`. */
  cost: number;
  /** The walk stopped early because the cost (or the work) passed the limit. */
  truncated: boolean;
  /** Pagination and cost violations, each response path reported once. */
  violations: LimitViolation[];
}

// Hard stop on the number of field groups visited, independent of the configured
// costs: with `objectFieldCost: 0` the cost budget alone would not bound the walk.
const MAX_VISITED_GROUPS = 100_000;

class BudgetExceeded extends Error {}

/**
 * Estimates what executing the operation costs:
 *
 * - every executed field costs `objectFieldCost` (composite types) or
 *   `scalarFieldCost` (leaves), unless `fieldCosts['Type.field']` says otherwise;
 * - a field whose schema definition has a page-size argument (`first`/`last`)
 *   multiplies the cost of its sub-selection by the requested page size
 *   (literal, variable, operation default or schema default, the larger of
 *   `first`/`last`); if none is given that is `QUERY_PAGINATION_REQUIRED`
 *   (and the maximum page size is assumed), above `maxPageSize` it is
 *   `QUERY_PAGE_TOO_LARGE`;
 * - fields are grouped by response key as the executor does, so every alias
 *   is charged separately while a field repeated under the same key is
 *   charged once; fragments are charged where they are spread.
 *
 * The walk stops as soon as the running cost passes `maxCost` (all costs are
 * non-negative and multipliers are at least 1, so the total can only grow),
 * which bounds the work for queries that fan out exponentially through
 * fragments. It also stops descending below `maxDepth + 1` levels, where the
 * depth check rejects the query anyway.
 */
export function estimateComplexity(ctx: WalkContext, options: ComplexityOptions): ComplexityResult {
  const violations = new Map<string, LimitViolation>();
  const pageArgs = new Set(options.pageSizeArgs);
  let visited = 0;
  let runningMax = 0;

  const note = (v: LimitViolation) => {
    const key = `${v.code}:${v.path ?? ''}`;
    if (!violations.has(key)) violations.set(key, v);
  };
  const charge = (value: number): number => {
    if (value > runningMax) runningMax = value;
    if (value > options.maxCost) throw new BudgetExceeded();
    return value;
  };

  const selectionCost = (scoped: ScopedSelectionSet[], path: string, depth: number): number => {
    let total = 0;
    for (const [key, occurrences] of collectFields(ctx, scoped)) {
      visited += 1;
      if (visited > MAX_VISITED_GROUPS) throw new BudgetExceeded();
      const fieldPath = path ? `${path}.${key}` : key;
      total = charge(total + fieldCost(occurrences, fieldPath, depth));
    }
    return total;
  };

  const fieldCost = (occurrences: FieldOccurrence[], path: string, depth: number): number => {
    const { node, parentType } = occurrences[0];
    const def = fieldDefinition(parentType, node.name.value);
    const namedType = def ? getNamedType(def.type) : undefined;
    const isLeaf = namedType ? isLeafType(namedType) : !node.selectionSet;
    const override = parentType
      ? options.fieldCosts[`${parentType.name}.${node.name.value}`]
      : undefined;
    const own = override ?? (isLeaf ? options.scalarFieldCost : options.objectFieldCost);

    const multiplier = def ? pageMultiplier(def, occurrences, path) : 1;
    const children: ScopedSelectionSet[] = [];
    for (const occurrence of occurrences) {
      if (occurrence.node.selectionSet) {
        children.push({
          selectionSet: occurrence.node.selectionSet,
          parentType: namedType && isCompositeType(namedType) ? namedType : undefined,
        });
      }
    }
    if (children.length === 0 || depth > options.maxDepth) return own;
    const childCost = selectionCost(children, path, depth + 1);
    return charge(own + multiplier * childCost);
  };

  const pageMultiplier = (
    def: GraphQLField<unknown, unknown>,
    occurrences: FieldOccurrence[],
    path: string,
  ): number => {
    const argDefs = def.args.filter((a) => pageArgs.has(a.name));
    if (argDefs.length === 0) return 1;
    let size = 0;
    for (const { node } of occurrences) {
      let requested: number | undefined;
      for (const argDef of argDefs) {
        const value =
          argumentValue(node, argDef.name, ctx.variables) ??
          (typeof argDef.defaultValue === 'number' ? argDef.defaultValue : undefined);
        if (value !== undefined) requested = Math.max(requested ?? 0, value);
      }
      if (requested === undefined) {
        note(
          violation(
            'QUERY_PAGINATION_REQUIRED',
            `列表字段 ${path} 必须提供 ${argDefs.map((a) => a.name).join(' 或 ')} 参数`,
            `List field ${path} requires a ${argDefs.map((a) => `\`${a.name}\``).join(' or ')} argument`,
            { path, limit: options.maxPageSize },
          ),
        );
        requested = options.maxPageSize;
      } else if (requested > options.maxPageSize) {
        note(
          violation(
            'QUERY_PAGE_TOO_LARGE',
            `列表字段 ${path} 每页最多 ${options.maxPageSize} 条（请求了 ${requested} 条）`,
            `List field ${path} allows at most ${options.maxPageSize} items per page (requested ${requested})`,
            { path, limit: options.maxPageSize, actual: requested },
          ),
        );
      }
      size = Math.max(size, requested);
    }
    // A page of 0 still resolves the connection (totalCount, pageInfo): never multiply by less than 1.
    return Math.max(1, size);
  };

  const rootType = ctx.schema.getRootType(ctx.operation.operation) ?? undefined;
  let cost: number;
  let truncated = false;
  try {
    cost = selectionCost(
      [{ selectionSet: ctx.operation.selectionSet, parentType: rootType }],
      '',
      1,
    );
  } catch (err) {
    if (!(err instanceof BudgetExceeded)) throw err;
    truncated = true;
    // Report at least one more than the limit even if the work cap stopped the walk first.
    cost = Math.max(runningMax, options.maxCost + 1);
  }
  if (cost > options.maxCost) {
    note(
      violation(
        'QUERY_TOO_COMPLEX',
        `查询过于复杂（估算成本${truncated ? '超过' : ''} ${cost}，上限 ${options.maxCost}），请减少嵌套、别名或每页条数`,
        `Query is too complex (estimated cost ${truncated ? 'over ' : ''}${cost}, limit ${options.maxCost}); reduce nesting, aliases or page sizes`,
        { limit: options.maxCost, actual: cost },
      ),
    );
  }
  return { cost, truncated, violations: [...violations.values()] };
}

function fieldDefinition(
  parentType: GraphQLNamedType | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (!parentType || !(isObjectType(parentType) || isInterfaceType(parentType))) return undefined;
  return parentType.getFields()[name];
}

/**
 * Integer value of an argument from a literal or a variable; undefined when
 * absent, null or not an integer (coercion errors are the executor's to report).
 */
function argumentValue(
  node: FieldNode,
  name: string,
  variables: Readonly<Record<string, unknown>>,
): number | undefined {
  const arg = node.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  let value: unknown;
  if (arg.value.kind === Kind.INT) value = Number(arg.value.value);
  else if (arg.value.kind === Kind.VARIABLE) value = variables[arg.value.name.value];
  else return undefined;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}
