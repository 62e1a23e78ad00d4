import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { AppError } from '../errors/app-errors';

/** Codes that graphql-js and Apollo themselves produce for bad requests; safe to show. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const HTTP_STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * Maps errors to what clients see, in one place. Typed application errors
 * keep their message and code; GraphQL's own request errors pass through;
 * anything else is an internal error: logged in full here, shown as a bare
 * INTERNAL_SERVER_ERROR with no message, stack or host details.
 */
export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;

    if (original instanceof AppError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...(original.details ?? {}), code: original.code },
      };
    }
    const code = formatted.extensions?.code;
    if (
      original instanceof GraphQLError &&
      typeof code === 'string' &&
      (CLIENT_CODES.has(code) || code in HTTP_STATUS || original.extensions?.expose === true)
    ) {
      const {
        stacktrace: _stack,
        expose: _expose,
        http: _http,
        ...extensions
      } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log.error({ err: original, path: formatted.path }, 'internal error in GraphQL request');
    return {
      message: '服务器内部错误 / internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

export function httpStatusForCode(code: string): number | undefined {
  return HTTP_STATUS[code];
}
