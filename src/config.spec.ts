import { ConfigError, loadConfig } from './config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has working defaults: embedded services, port 4000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.mongodbUri).toBeUndefined();
    expect(config.s3).toBeUndefined();
    expect(config.meili).toBeUndefined();
    expect(config.introspection).toBe(true);
  });

  it('names the variable and what it expects for a bad port', () => {
    const problems = problemsOf({ PORT: 'forty' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^PORT: .*integer port between 0 and 65535/);
  });

  it('rejects a MONGODB_URI that is not a mongodb URL', () => {
    expect(problemsOf({ MONGODB_URI: 'postgres://x' })[0]).toMatch(
      /^MONGODB_URI: expected a mongodb:\/\//,
    );
  });

  it('requires the rest of the S3 settings when S3_ENDPOINT is set, listing each', () => {
    const problems = problemsOf({ S3_ENDPOINT: 'http://127.0.0.1:9000' });
    expect(problems).toEqual([
      'S3_REGION: required when S3_ENDPOINT is set',
      'S3_ACCESS_KEY_ID: required when S3_ENDPOINT is set',
      'S3_SECRET_ACCESS_KEY: required when S3_ENDPOINT is set',
    ]);
  });

  it('refuses S3 credentials without an endpoint instead of silently ignoring them', () => {
    expect(problemsOf({ S3_ACCESS_KEY_ID: 'x' })[0]).toMatch(
      /^S3_ACCESS_KEY_ID: set, but S3_ENDPOINT is not/,
    );
  });

  it('validates MEILI_HOST and bucket names and reports several problems at once', () => {
    const problems = problemsOf({
      MEILI_HOST: 'not a url',
      S3_BUCKET: 'Bad_Bucket',
      NODE_ENV: 'staging',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'MEILI_HOST',
      'NODE_ENV',
      'S3_BUCKET',
    ]);
  });

  it('reads full external configuration and turns introspection off in production', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      MONGODB_URI: 'mongodb://db:27017',
      S3_ENDPOINT: 'http://minio:9000',
      S3_REGION: 'cn-north-1',
      S3_ACCESS_KEY_ID: 'k',
      S3_SECRET_ACCESS_KEY: 's',
      MEILI_HOST: 'http://meili:7700',
      MEILI_API_KEY: 'mk',
    });
    expect(config.s3).toMatchObject({
      endpoint: 'http://minio:9000',
      region: 'cn-north-1',
      forcePathStyle: true,
    });
    expect(config.meili).toEqual({ host: 'http://meili:7700', apiKey: 'mk' });
    expect(config.introspection).toBe(false);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', MONGODB_URI: '' }).port).toBe(4000);
  });
});
