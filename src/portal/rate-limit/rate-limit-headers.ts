import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { RateLimitResult } from './token-bucket';

/**
 * Response headers for a rate-limit result, in the IETF draft's
 * (draft-ietf-httpapi-ratelimit-headers) separate-field form:
 * `RateLimit-Limit` (bucket capacity), `RateLimit-Remaining` (whole tokens
 * left), `RateLimit-Reset` (delta seconds until the bucket is full, not an
 * epoch time), plus `Retry-After` (delta seconds) on a refusal.
 */
export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(result.limit),
    'RateLimit-Remaining': String(Math.max(0, result.remaining)),
    'RateLimit-Reset': String(Math.max(0, result.resetSeconds)),
  };
  if (!result.allowed) headers['Retry-After'] = String(Math.max(1, result.retryAfterSeconds));
  return headers;
}

/**
 * Copies the headers onto anything with `set(name, value)`: an Apollo
 * `HeaderMap` (`requestContext.response.http.headers`, lower-case names as
 * Apollo expects) or an express `Response`.
 */
export function setRateLimitHeaders(
  target: { set(name: string, value: string): unknown },
  result: RateLimitResult,
): void {
  const lowerCase = target instanceof Map;
  for (const [name, value] of Object.entries(rateLimitHeaders(result))) {
    target.set(lowerCase ? name.toLowerCase() : name, value);
  }
}

/**
 * The error to throw from the cost plugin's `onCost` when a request is
 * refused: code `RATE_LIMITED` (the hub's code for it), HTTP 429 with the
 * rate-limit headers and `Retry-After`.
 */
export function rateLimitedError(result: RateLimitResult): GraphQLError {
  const headers = new HeaderMap();
  setRateLimitHeaders(headers, result);
  const overCapacity = result.reason === 'over-capacity';
  const zh = overCapacity
    ? `请求成本 ${result.cost} 超过配额上限 ${result.limit}，请拆分查询`
    : `请求过于频繁，请在 ${result.retryAfterSeconds} 秒后重试`;
  const en = overCapacity
    ? `Request cost ${result.cost} exceeds the quota of ${result.limit}; split the query`
    : `Rate limit exceeded, retry after ${result.retryAfterSeconds} s`;
  return new GraphQLError(`${zh} / ${en}`, {
    extensions: {
      code: 'RATE_LIMITED',
      http: { status: 429, headers },
      cost: result.cost,
      limit: result.limit,
      remaining: result.remaining,
      retryAfter: result.retryAfterSeconds,
    },
  });
}
