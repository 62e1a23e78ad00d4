/**
 * Limits for one GraphQL document. Defaults are sized for the portal API:
 * a resource list page with nested author/unit data fits comfortably, a
 * crawler that tries to pull the whole catalogue in one request does not.
 */
export interface QueryLimitOptions {
  /** Max characters of the query source (`QUERY_TOO_LONG`). */
  maxLength: number;
  /** Max lexical tokens, enforced by `parse(..., { maxTokens })` (`QUERY_TOO_MANY_TOKENS`). */
  maxTokens: number;
  /** Max nesting of fields, root fields being depth 1 (`QUERY_TOO_DEEP`). */
  maxDepth: number;
  /** Max aliased fields in the whole document (`QUERY_TOO_MANY_ALIASES`). */
  maxAliases: number;
  /** Max directive applications in the whole document, repeats included (`QUERY_TOO_MANY_DIRECTIVES`). */
  maxDirectives: number;
  /** Max distinct response keys on the root type (`QUERY_TOO_MANY_ROOT_FIELDS`). */
  maxRootFields: number;
  /** Max estimated cost of one operation (`QUERY_TOO_COMPLEX`). */
  maxCost: number;
  /** Max value of `first`/`last` (`QUERY_PAGE_TOO_LARGE`). */
  maxPageSize: number;
  /** Cost of a field whose type is an object, interface or union (or a list of them). */
  objectFieldCost: number;
  /** Cost of a field whose type is a scalar or enum (or a list of them). */
  scalarFieldCost: number;
  /** Per-field overrides keyed `Type.field`, e.g. `{ 'Query.search': 10 }`. */
  fieldCosts: Readonly<Record<string, number>>;
  /** Names of the page-size arguments that turn a field into a multiplier. */
  pageSizeArgs: readonly string[];
  /**
   * Skip `__schema` / `__type` subtrees in the depth check: the standard
   * introspection query (GraphiQL, codegen) is deeper than any real query,
   * and its size is bounded by the schema, not by the client.
   */
  ignoreIntrospectionDepth: boolean;
}

/** Limits for a batched (JSON array) request. */
export interface BatchLimitOptions {
  /** Max operations in one HTTP request (`QUERY_BATCH_TOO_LARGE`). */
  maxBatchSize: number;
  /** Max summed cost of all operations of the batch (`QUERY_TOO_COMPLEX`). */
  maxBatchCost: number;
}

/** The defaults; override any subset through `resolveLimitOptions`. */
export const DEFAULT_QUERY_LIMITS: Readonly<QueryLimitOptions> = Object.freeze({
  maxLength: 10_000,
  maxTokens: 1_000,
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxRootFields: 10,
  maxCost: 5_000,
  maxPageSize: 100,
  objectFieldCost: 1,
  scalarFieldCost: 0,
  fieldCosts: Object.freeze({}),
  pageSizeArgs: Object.freeze(['first', 'last']),
  ignoreIntrospectionDepth: true,
});

/** Defaults for batches: a few operations, sharing one operation's budget times two. */
export const DEFAULT_BATCH_LIMITS: Readonly<BatchLimitOptions> = Object.freeze({
  maxBatchSize: 5,
  maxBatchCost: 10_000,
});

/** Fills unspecified limits with the defaults. */
export function resolveLimitOptions(partial: Partial<QueryLimitOptions> = {}): QueryLimitOptions {
  return { ...DEFAULT_QUERY_LIMITS, ...stripUndefined(partial) };
}

/** Fills unspecified batch limits with the defaults. */
export function resolveBatchLimitOptions(
  partial: Partial<BatchLimitOptions> = {},
): BatchLimitOptions {
  return { ...DEFAULT_BATCH_LIMITS, ...stripUndefined(partial) };
}

// `{ maxDepth: undefined }` (e.g. from an unset config value) must not wipe a default.
function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
