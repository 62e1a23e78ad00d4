import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLIncludeDirective,
  GraphQLNamedType,
  GraphQLSchema,
  GraphQLSkipDirective,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  getDirectiveValues,
} from 'graphql';

/** Variables as they arrive in the request body (not yet coerced). */
export type RawVariables = Readonly<Record<string, unknown>> | null | undefined;

/** What every walk over one operation needs. */
export interface WalkContext {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Readonly<Record<string, unknown>>;
}

/** A selection set together with the type its fields are looked up on (undefined if unknown). */
export interface ScopedSelectionSet {
  selectionSet: SelectionSetNode;
  parentType: GraphQLNamedType | undefined;
}

/** One field node as it will be executed, with the type it is selected on. */
export interface FieldOccurrence {
  node: FieldNode;
  parentType: GraphQLNamedType | undefined;
}

/** Picks the operation that will run, like the executor does; undefined if ambiguous or missing. */
export function findOperation(
  document: DocumentNode,
  operationName?: string | null,
): OperationDefinitionNode | undefined {
  let found: OperationDefinitionNode | undefined;
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName == null) {
      if (found) return undefined; // several operations and no name: the executor refuses too
      found = def;
    } else if (def.name?.value === operationName) {
      return def;
    }
  }
  return found;
}

/** Fragment definitions by name (later duplicates are ignored, validation reports them). */
export function fragmentMap(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION && !map.has(def.name.value)) {
      map.set(def.name.value, def);
    }
  }
  return map;
}

/**
 * Builds the variable values a walk uses: the request's values, falling back
 * to the operation's declared defaults (literal defaults only).
 */
export function effectiveVariables(
  operation: OperationDefinitionNode,
  variables: RawVariables,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(variables ?? {}) };
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (out[name] === undefined && def.defaultValue) {
      if (def.defaultValue.kind === Kind.INT) out[name] = Number(def.defaultValue.value);
      else if (def.defaultValue.kind === Kind.BOOLEAN) out[name] = def.defaultValue.value;
    }
  }
  return out;
}

/**
 * `@skip` / `@include` as the executor applies them. If the directive cannot
 * be evaluated (bad variables) the selection is kept: over-estimating the
 * cost is safe, under-estimating is not.
 */
export function shouldInclude(
  node: FieldNode | SelectionSetNode['selections'][number],
  variables: Readonly<Record<string, unknown>>,
): boolean {
  try {
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
    if (getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if === false) return false;
  } catch {
    return true;
  }
  return true;
}

/**
 * Groups the fields of one or more selection sets by response key (alias or
 * name), following fragment spreads and inline fragments, the way the
 * executor's CollectFields does. Fields with the same response key are
 * executed once, so they form one group; each alias is its own group and is
 * executed (and charged) separately. A fragment spread twice into the same
 * selection set is collected once, which also defuses "fragment bombs".
 */
export function collectFields(
  ctx: WalkContext,
  scoped: readonly ScopedSelectionSet[],
): Map<string, FieldOccurrence[]> {
  const groups = new Map<string, FieldOccurrence[]>();
  const visitedFragments = new Set<string>();

  const visit = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined) => {
    for (const selection of selectionSet.selections) {
      if (!shouldInclude(selection, ctx.variables)) continue;
      switch (selection.kind) {
        case Kind.FIELD: {
          const key = selection.alias?.value ?? selection.name.value;
          const group = groups.get(key);
          const occurrence = { node: selection, parentType };
          if (group) group.push(occurrence);
          else groups.set(key, [occurrence]);
          break;
        }
        case Kind.INLINE_FRAGMENT: {
          const type = selection.typeCondition
            ? ctx.schema.getType(selection.typeCondition.name.value)
            : parentType;
          visit(selection.selectionSet, type ?? undefined);
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          if (visitedFragments.has(name)) break;
          visitedFragments.add(name);
          const fragment = ctx.fragments.get(name);
          if (!fragment) break;
          visit(
            fragment.selectionSet,
            ctx.schema.getType(fragment.typeCondition.name.value) ?? undefined,
          );
          break;
        }
      }
    }
  };

  for (const { selectionSet, parentType } of scoped) visit(selectionSet, parentType);
  return groups;
}
