import { DocumentNode, GraphQLError, Lexer, Source, TokenKind, parse } from 'graphql';
import { QueryLimitOptions } from './limit-options';
import { LimitViolation, violation } from './violations';

/** Outcome of `parseWithLimits`. A syntax error is not a limit violation: it stays a plain GraphQL syntax error. */
export type ParseWithLimitsResult =
  | { ok: true; document: DocumentNode }
  | { ok: false; violations: LimitViolation[]; syntaxError?: undefined }
  | { ok: false; violations: []; syntaxError: GraphQLError };

// graphql 16 spells it "more that"; accept the corrected spelling of later versions too.
const TOO_MANY_TOKENS = /Document contains more (?:than|that) \d+ tokens/;

/**
 * Checks the length, then parses with `maxTokens` so an oversized document is
 * abandoned after `maxTokens` tokens instead of being turned into a huge AST.
 */
export function parseWithLimits(
  source: string,
  limits: Pick<QueryLimitOptions, 'maxLength' | 'maxTokens'>,
): ParseWithLimitsResult {
  const lengthViolation = checkLength(source, limits.maxLength);
  if (lengthViolation) return { ok: false, violations: [lengthViolation] };
  try {
    return { ok: true, document: parse(source, { maxTokens: limits.maxTokens }) };
  } catch (err) {
    if (err instanceof GraphQLError && isTooManyTokensError(err)) {
      return { ok: false, violations: [tooManyTokens(limits.maxTokens)] };
    }
    if (err instanceof GraphQLError) return { ok: false, violations: [], syntaxError: err };
    throw err;
  }
}

/** `QUERY_TOO_LONG` if the source has more than `maxLength` characters. */
export function checkLength(source: string, maxLength: number): LimitViolation | undefined {
  if (source.length <= maxLength) return undefined;
  return violation(
    'QUERY_TOO_LONG',
    `查询文本过长（${source.length} 个字符，上限 ${maxLength}）`,
    `Query document is too long (${source.length} characters, limit ${maxLength})`,
    { limit: maxLength, actual: source.length },
  );
}

/**
 * `QUERY_TOO_MANY_TOKENS` if an already parsed source has more than
 * `maxTokens` tokens. Used where the server parsed the document itself
 * (Apollo); lexing stops right after the limit, so the cost stays bounded.
 */
export function checkTokenCount(source: string, maxTokens: number): LimitViolation | undefined {
  return countTokens(source, maxTokens) > maxTokens ? tooManyTokens(maxTokens) : undefined;
}

/**
 * Counts tokens the way the parser's `maxTokens` does (comments excluded),
 * stopping once the count passes `stopAfter`. Lexing errors end the count:
 * syntax is the parser's business.
 */
export function countTokens(source: string, stopAfter = Infinity): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > stopAfter) break;
    }
  } catch {
    // A lexing error: report what was counted so far.
  }
  return count;
}

/** Whether an error is the parser's `maxTokens` abort (possibly wrapped by Apollo). */
export function isTooManyTokensError(error: Error): boolean {
  return TOO_MANY_TOKENS.test(error.message);
}

/** The `QUERY_TOO_MANY_TOKENS` violation. */
export function tooManyTokens(maxTokens: number): LimitViolation {
  return violation(
    'QUERY_TOO_MANY_TOKENS',
    `查询包含的词法单元过多（上限 ${maxTokens}）`,
    `Query document has too many tokens (limit ${maxTokens})`,
    { limit: maxTokens },
  );
}
