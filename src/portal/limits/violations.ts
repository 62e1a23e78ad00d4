/**
 * Violations reported by the query-limit checks. The codes are part of the
 * public API contract with third-party portals (they appear as
 * `extensions.code`), so they must never be renamed.
 */
export type LimitViolationCode =
  | 'QUERY_TOO_LONG'
  | 'QUERY_TOO_MANY_TOKENS'
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_MANY_ALIASES'
  | 'QUERY_TOO_MANY_DIRECTIVES'
  | 'QUERY_TOO_MANY_ROOT_FIELDS'
  | 'QUERY_PAGINATION_REQUIRED'
  | 'QUERY_PAGE_TOO_LARGE'
  | 'QUERY_TOO_COMPLEX'
  | 'QUERY_BATCH_TOO_LARGE'
  | 'QUERY_OPERATION_NOT_FOUND';

/** All codes, e.g. for a metrics label allow-list. */
export const LIMIT_VIOLATION_CODES: readonly LimitViolationCode[] = [
  'QUERY_TOO_LONG',
  'QUERY_TOO_MANY_TOKENS',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_MANY_ALIASES',
  'QUERY_TOO_MANY_DIRECTIVES',
  'QUERY_TOO_MANY_ROOT_FIELDS',
  'QUERY_PAGINATION_REQUIRED',
  'QUERY_PAGE_TOO_LARGE',
  'QUERY_TOO_COMPLEX',
  'QUERY_BATCH_TOO_LARGE',
  'QUERY_OPERATION_NOT_FOUND',
];

/** One broken limit, with a bilingual message safe to show to portal developers. */
export interface LimitViolation {
  code: LimitViolationCode;
  /** `"<中文> / <English>"`, ready for `GraphQLError.message`. */
  message: string;
  messageZh: string;
  messageEn: string;
  /** The configured limit that was exceeded, when there is one. */
  limit?: number;
  /** The measured value (for `QUERY_TOO_COMPLEX` a lower bound if the walk stopped early). */
  actual?: number;
  /** Response path of the offending field, e.g. `resources.edges.node.related`. */
  path?: string;
}

/** Builds a violation; keeps the `message` format in one place. */
export function violation(
  code: LimitViolationCode,
  messageZh: string,
  messageEn: string,
  extra: Pick<LimitViolation, 'limit' | 'actual' | 'path'> = {},
): LimitViolation {
  return { code, message: `${messageZh} / ${messageEn}`, messageZh, messageEn, ...extra };
}
