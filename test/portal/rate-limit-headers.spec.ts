import { HeaderMap } from '@apollo/server';
import {
  rateLimitHeaders,
  rateLimitedError,
  setRateLimitHeaders,
} from '../../src/portal/rate-limit/rate-limit-headers';
import { consumeTokens } from '../../src/portal/rate-limit/token-bucket';

const config = { capacity: 100, refillPerSecond: 10 };

describe('rate-limit headers', () => {
  it('describes an allowed request without Retry-After', () => {
    const { result } = consumeTokens({ tokens: 50, updatedAt: 0 }, 20.5, config, 0);
    expect(rateLimitHeaders(result)).toEqual({
      'RateLimit-Limit': '100',
      'RateLimit-Remaining': '29',
      'RateLimit-Reset': '8', // 70.5 tokens at 10/s = 7.05 s, rounded up
    });
  });

  it('adds Retry-After to a refusal', () => {
    const { result } = consumeTokens({ tokens: 5, updatedAt: 0 }, 30, config, 0);
    expect(rateLimitHeaders(result)).toEqual({
      'RateLimit-Limit': '100',
      'RateLimit-Remaining': '5',
      'RateLimit-Reset': '10',
      'Retry-After': '3',
    });
  });

  it('writes lower-case names into an Apollo HeaderMap', () => {
    const { result } = consumeTokens(undefined, 1, config, 0);
    const headers = new HeaderMap();
    setRateLimitHeaders(headers, result);
    expect(Object.fromEntries(headers)).toEqual({
      'ratelimit-limit': '100',
      'ratelimit-remaining': '99',
      'ratelimit-reset': '1',
    });
  });

  it('builds a RATE_LIMITED error with status 429 and the headers', () => {
    const { result } = consumeTokens({ tokens: 0, updatedAt: 0 }, 10, config, 0);
    const error = rateLimitedError(result);
    expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', cost: 10, retryAfter: 1 });
    const http = error.extensions.http as { status: number; headers: HeaderMap };
    expect(http.status).toBe(429);
    expect(http.headers.get('retry-after')).toBe('1');
    expect(error.message).toContain('请求过于频繁');
    expect(rateLimitedError(consumeTokens(undefined, 500, config, 0).result).message).toContain(
      'exceeds the quota',
    );
  });
});
