import { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { checkAliases } from './alias-limit';
import { estimateComplexity } from './complexity';
import { checkDepth } from './depth-limit';
import { checkDirectives } from './directive-limit';
import {
  RawVariables,
  WalkContext,
  effectiveVariables,
  findOperation,
  fragmentMap,
} from './document-walk';
import { QueryLimitOptions, resolveLimitOptions } from './limit-options';
import { parseWithLimits } from './parse-limit';
import { checkRootFields } from './root-field-limit';
import { LimitViolation, violation } from './violations';

/** Everything measured about one operation, plus the violations (empty when `ok`). */
export interface QueryAnalysis {
  ok: boolean;
  /** Estimated cost (see `estimateComplexity`); 0 if the operation was not found. */
  cost: number;
  depth: number;
  aliases: number;
  directives: number;
  rootFields: number;
  violations: LimitViolation[];
}

/** The analysis of a document that was never walked (rejected before or while parsing). */
export const EMPTY_ANALYSIS: Readonly<QueryAnalysis> = Object.freeze({
  ok: true,
  cost: 0,
  depth: 0,
  aliases: 0,
  directives: 0,
  rootFields: 0,
  violations: [],
});

/** Input of `analyzeQuery`. */
export interface AnalyzeQueryInput {
  operationName?: string | null;
  variables?: RawVariables;
  /** Limits to apply; unspecified ones take `DEFAULT_QUERY_LIMITS`. */
  limits?: Partial<QueryLimitOptions>;
}

/**
 * Runs all document checks (depth, aliases, directives, root fields,
 * pagination, complexity) on a parsed document against the schema and the
 * request's variables. Pure: no I/O, nothing thrown for hostile input.
 * All violations are collected so a portal developer can fix them in one go.
 * Length and token limits need the source text: see `parseWithLimits` and
 * `analyzeSource`.
 */
export function analyzeQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  input: AnalyzeQueryInput = {},
): QueryAnalysis {
  const limits = resolveLimitOptions(input.limits);
  const aliases = checkAliases(document, limits.maxAliases);
  const directives = checkDirectives(document, limits.maxDirectives);
  const operation = findOperation(document, input.operationName);
  if (!operation) {
    return {
      ok: false,
      cost: 0,
      depth: 0,
      aliases: aliases.aliases,
      directives: directives.directives,
      rootFields: 0,
      violations: [
        violation(
          'QUERY_OPERATION_NOT_FOUND',
          input.operationName
            ? `文档中没有名为 ${input.operationName} 的操作`
            : '文档包含多个操作时必须指定 operationName',
          input.operationName
            ? `No operation named ${input.operationName} in the document`
            : 'operationName is required when the document contains several operations',
        ),
      ],
    };
  }

  const fragments = fragmentMap(document);
  const ctx: WalkContext = {
    schema,
    operation,
    fragments,
    variables: effectiveVariables(operation, input.variables),
  };
  const depth = checkDepth(operation, fragments, {
    maxDepth: limits.maxDepth,
    ignoreIntrospection: limits.ignoreIntrospectionDepth,
  });
  const rootFields = checkRootFields(ctx, limits.maxRootFields);
  const complexity = estimateComplexity(ctx, limits);

  const violations = [
    depth.violation,
    aliases.violation,
    directives.violation,
    rootFields.violation,
    ...complexity.violations,
  ].filter((v): v is LimitViolation => v !== undefined);
  return {
    ok: violations.length === 0,
    cost: complexity.cost,
    depth: depth.depth,
    aliases: aliases.aliases,
    directives: directives.directives,
    rootFields: rootFields.rootFields,
    violations,
  };
}

/** Result of `analyzeSource`: a syntax error is passed through untouched, not turned into a violation. */
export interface SourceAnalysis extends QueryAnalysis {
  /** The parsed document, when parsing succeeded. */
  document?: DocumentNode;
  /** The parser's own error (status 400 `GRAPHQL_PARSE_FAILED` territory); `violations` is then empty. */
  syntaxError?: GraphQLError;
}

/**
 * Parses `source` under the length and token limits, then runs `analyzeQuery`.
 * The entry point for a request that has not been parsed yet (e.g. one item
 * of a batch).
 */
export function analyzeSource(
  schema: GraphQLSchema,
  source: string,
  input: AnalyzeQueryInput = {},
): SourceAnalysis {
  const limits = resolveLimitOptions(input.limits);
  const parsed = parseWithLimits(source, limits);
  if (parsed.ok) {
    return {
      ...analyzeQuery(schema, parsed.document, { ...input, limits }),
      document: parsed.document,
    };
  }
  return {
    ...EMPTY_ANALYSIS,
    ok: false,
    violations: parsed.violations,
    syntaxError: parsed.syntaxError,
  };
}
