import type { GraphQLFormattedError } from 'graphql';
import { LIMIT_VIOLATION_CODES } from '../portal/limits/violations';

/** Codes the HTTP layer itself answers with (before Apollo runs). */
export type PortalHttpErrorCode =
  | 'UNAUTHENTICATED'
  | 'ORIGIN_NOT_ALLOWED'
  | 'PERSISTED_QUERY_NOT_ALLOWED'
  | 'METRICS_FORBIDDEN';

/**
 * Codes of the portal's protections. They are part of the contract with
 * portal developers (docs/portal.md) and carry no internals, so they are
 * shown as they are instead of being masked as internal errors.
 */
const PORTAL_CODES = new Set<string>([
  ...LIMIT_VIOLATION_CODES,
  'RATE_LIMITED',
  'ORIGIN_NOT_ALLOWED',
  'PERSISTED_QUERY_NOT_ALLOWED',
]);

const APQ_HASH_MISMATCH = 'provided sha does not match query';

/**
 * Wraps the hub's `formatError` so the portal's limit codes (raised by the
 * cost plugin as plain GraphQLErrors) pass through; everything else goes to
 * the hub's formatter, which masks unknown errors.
 */
export function withPortalErrorCodes(
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Apollo raises this one without a code; it is the client's mistake, not an internal error.
    if (formatted.message === APQ_HASH_MISMATCH) {
      return {
        message: `persistedQuery.sha256Hash 与查询文本不符 / ${APQ_HASH_MISMATCH}`,
        extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PORTAL_CODES.has(code)) {
      const { stacktrace: _s, http: _h, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    return formatError(formatted, error);
  };
}

/** A GraphQL-shaped error body, for answers the HTTP layer gives without running GraphQL. */
export function errorBody(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { ...extra, code } }] };
}
