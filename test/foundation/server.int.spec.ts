import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import pino from 'pino';
import { Ctx, Query, Resolver } from 'type-graphql';
import { buildSchema } from 'type-graphql';
import { loadConfig } from '../../src/config';
import { startFerretdb } from '../../src/embedded/ferretdb';
import { RESOLVERS } from '../../src/graphql/schema';
import { startHub } from '../../src/hub';
import { startHttpServer } from '../../src/server/http-app';
import { readTestServices } from '../setup/test-services';
import { startTestHub, type TestHub } from '../helpers/test-hub';

describe('HTTP server on the real embedded services', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers /healthz', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with every dependency checked', async () => {
    const res = await fetch(`${t.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ready',
      failing: [],
      checks: { mongodb: 'ok', s3: 'ok', search: 'ok' },
    });
  });

  it('gives each response a request id, keeping a sane one sent by the caller', async () => {
    const mine = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(mine.headers.get('x-request-id')).toBe('abc-123');
    const generated = await fetch(`${t.url}/healthz`, {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves GraphiQL offline: the page and every asset it loads come from this server', async () => {
    const res = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('GraphiQL');
    const srcs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(srcs.length).toBeGreaterThanOrEqual(4);
    for (const src of srcs) {
      expect(src.startsWith('/')).toBe(true); // no CDN
      const asset = await fetch(`${t.url}${src}`);
      expect(asset.status).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('answers a syntax error with 400 and GRAPHQL_PARSE_FAILED, not 500', async () => {
    const res = await t.gql('{ orgUnits( ');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers a body that is not JSON with 400', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(res.status).toBe(400);
  });
});

describe('readiness names the failing part', () => {
  it('reports mongodb when FerretDB is stopped, and ready again is never claimed', async () => {
    const services = readTestServices();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-readyz-'));
    const ferret = await startFerretdb({ dataDir: path.join(dataDir, 'db') });
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      MONGODB_URI: ferret.uri,
      S3_ENDPOINT: services!.s3!.endpoint,
      S3_REGION: services!.s3!.region,
      S3_ACCESS_KEY_ID: services!.s3!.accessKeyId,
      S3_SECRET_ACCESS_KEY: services!.s3!.secretAccessKey,
      S3_BUCKET: 'readyz-test',
    });
    const hub = await startHub(config, pino({ level: 'silent' }));
    try {
      expect((await fetch(`${hub.url}/readyz`)).status).toBe(200);
      await ferret.stop();
      const res = await fetch(`${hub.url}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { failing: string[]; checks: Record<string, string> };
      expect(body.failing).toEqual(['mongodb']);
      expect(body.checks).toEqual({ mongodb: 'failing', s3: 'ok', search: 'ok' });
      // Liveness is about the process, not its dependencies.
      expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    } finally {
      await hub.stop();
      await ferret.stop();
    }
  });
});

@Resolver()
class BoomResolver {
  @Query(() => String, { description: 'test only: throws an internal error' })
  boom(@Ctx() _ctx: unknown): string {
    throw new Error('connect ECONNREFUSED 10.1.2.3:27017 at /srv/hub/secret-host.internal');
  }
}

describe('error masking', () => {
  it('shows INTERNAL_SERVER_ERROR with no message, stack or host details, and logs the original', async () => {
    const lines: string[] = [];
    const t = await startTestHub();
    const log = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
    const schema = await buildSchema({ resolvers: [...RESOLVERS, BoomResolver], validate: false });
    const http = await startHttpServer({ ...t.container, log }, schema, {
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const res = await fetch(`${http.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ boom }' }),
      });
      const text = await res.text();
      const body = JSON.parse(text);
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(body.errors[0].message).toBe('服务器内部错误 / internal server error');
      expect(text).not.toMatch(/ECONNREFUSED|10\.1\.2\.3|secret-host|stacktrace|at \//);
      expect(lines.join('\n')).toContain('secret-host.internal');
    } finally {
      await http.stop();
      await t.stop();
    }
  });
});

@Resolver()
class SlowResolver {
  @Query(() => String, { description: 'test only: answers after a delay' })
  async slow(): Promise<string> {
    await new Promise((r) => setTimeout(r, 700));
    return 'done';
  }
}

describe('graceful shutdown', () => {
  it('drains an in-flight request before stopping, and refuses new connections after', async () => {
    const t = await startTestHub();
    const schema = await buildSchema({ resolvers: [...RESOLVERS, SlowResolver], validate: false });
    const http = await startHttpServer(t.container, schema, { port: 0, host: '127.0.0.1' });
    try {
      const inFlight = fetch(`${http.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ slow }' }),
      });
      await new Promise((r) => setTimeout(r, 150));
      const stopped = http.stop();
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { slow: 'done' } });
      await stopped;
      await expect(fetch(`${http.url}/healthz`)).rejects.toThrow();
    } finally {
      await http.stop();
      await t.stop();
    }
  });
});
