import { ConfigError, loadConfig } from '../../src/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('portal configuration', () => {
  it('has safe defaults: no CORS, batching off, 60 s public cache, loopback-only metrics', () => {
    const { portal } = loadConfig({});
    expect(portal.cors).toEqual({ any: false, origins: [] });
    expect(portal.batchMaxOperations).toBe(0);
    expect(portal.publicCacheMaxAgeSeconds).toBe(60);
    expect(portal.metricsToken).toBeUndefined();
    expect(portal.rateLimits.ip).toEqual({ capacity: 5000, refillPerSecond: 20 });
  });

  it('reads CORS_ORIGINS as a list, with * kept apart', () => {
    const { portal } = loadConfig({
      CORS_ORIGINS: 'https://a.example.cn, *,http://127.0.0.1:8080',
    });
    expect(portal.cors).toEqual({
      any: true,
      origins: ['https://a.example.cn', 'http://127.0.0.1:8080'],
    });
  });

  it('names each bad variable', () => {
    const problems = problemsOf({
      CORS_ORIGINS: 'https://a.example.cn/path',
      RATE_LIMIT_KEY_CAPACITY: '100',
      RATE_LIMIT_IP_REFILL_PER_SECOND: '0',
      GRAPHQL_BATCH_MAX: '50',
      METRICS_TOKEN: 'short',
      PUBLIC_CACHE_MAX_AGE: '-1',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'CORS_ORIGINS',
      'GRAPHQL_BATCH_MAX',
      'METRICS_TOKEN',
      'PUBLIC_CACHE_MAX_AGE',
      'RATE_LIMIT_IP_REFILL_PER_SECOND',
      'RATE_LIMIT_KEY_CAPACITY',
    ]);
    expect(problems.find((p) => p.startsWith('RATE_LIMIT_KEY_CAPACITY'))).toMatch(/5000/);
  });
});
