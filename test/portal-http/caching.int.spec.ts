import pino from 'pino';
import { Query, Resolver, buildSchema } from 'type-graphql';
import { RESOLVERS } from '../../src/graphql/schema';
import { startHttpServer } from '../../src/server/http-app';
import { makeTree, makeUserWithToken } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { get, issueKey, post, rawGet } from './portal-http.helpers';

/** GET requests need a header that forces a CORS preflight (Apollo's CSRF prevention). */
const PREFLIGHTED = { 'apollo-require-preflight': 'true' };

describe('HTTP caching of answers', () => {
  let t: TestHub;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let query: string;
  beforeAll(async () => {
    t = await startTestHub({ env: { PUBLIC_CACHE_MAX_AGE: '30' } });
    tree = await makeTree(t.container);
    query = `{ orgUnit(code: "${tree.cityA.code}") { name } }`;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('marks an anonymous GET query public with an ETag, and answers a matching If-None-Match with 304', async () => {
    const first = await get(t.url, { query }, PREFLIGHTED);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=30');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers.get('vary')).toMatch(/Origin/);

    const url = `${t.url}/graphql?${new URLSearchParams({ query })}`;
    const revalidated = await rawGet(url, { ...PREFLIGHTED, 'if-none-match': etag! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
    expect(revalidated.headers['cache-control']).toBe('public, max-age=30');

    const stale = await get(
      t.url,
      { query },
      { ...PREFLIGHTED, 'if-none-match': '"something-else"' },
    );
    expect(stale.status).toBe(200);
    expect(stale.body.data.orgUnit.name).toBe('甲市社区大学');
  });

  it('gives a changed answer a new ETag', async () => {
    const a = await get(t.url, { query }, PREFLIGHTED);
    const b = await get(
      t.url,
      { query: `{ orgUnit(code: "${tree.cityB.code}") { name } }` },
      PREFLIGHTED,
    );
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));
  });

  it('keeps answers to API keys and signed-in users private and unstored, with no ETag', async () => {
    const key = await issueKey(t.container, tree.cityA);
    const keyed = await get(t.url, { query }, { 'x-api-key': key.secret });
    expect(keyed.status).toBe(200);
    expect(keyed.headers.get('cache-control')).toBe('private, no-store');
    expect(keyed.headers.get('etag')).toBeNull();

    const { token } = await makeUserWithToken(t.container, tree.cityA, ['MEMBER']);
    const user = await get(t.url, { query }, { authorization: `Bearer ${token}` });
    expect(user.headers.get('cache-control')).toBe('private, no-store');
    expect(user.headers.get('etag')).toBeNull();
  });

  it('never caches POST answers, errors or mutations', async () => {
    const viaPost = await post(t.url, { query });
    expect(viaPost.headers.get('cache-control')).toBe('no-store');
    expect(viaPost.headers.get('etag')).toBeNull();

    const notFound = await get(
      t.url,
      { query: '{ orgUnit(code: "999999") { name } }' },
      PREFLIGHTED,
    );
    expect(notFound.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(notFound.headers.get('cache-control')).toBe('no-store');
    expect(notFound.headers.get('etag')).toBeNull();

    const rejected = await get(
      t.url,
      { query: '{ orgUnits(first: 1000) { totalCount } }' },
      PREFLIGHTED,
    );
    expect(rejected.status).toBe(400);
    expect(rejected.headers.get('cache-control')).toBe('no-store');

    const mutation = await get(
      t.url,
      { query: 'mutation { revokeCredential(id: "x") { id } }' },
      PREFLIGHTED,
    );
    expect(mutation.status).toBe(405);
    expect(mutation.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps CSRF prevention on: a GET without a preflight-forcing header is refused', async () => {
    const res = await get(t.url, { query });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/CSRF/);
    // An API key header forces a preflight too, so keyed GETs need nothing extra.
    const key = await issueKey(t.container, tree.cityA);
    expect((await get(t.url, { query }, { 'x-api-key': key.secret })).status).toBe(200);
  });
});

describe('production mode', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ env: { NODE_ENV: 'production' } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('turns introspection off', async () => {
    const res = await post(t.url, { query: '{ __schema { queryType { name } } }' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors[0].message).toMatch(/introspection/i);
  });

  it('gives no field suggestions that would reveal the schema', async () => {
    const res = await post(t.url, { query: '{ orgUnitz(first: 1) { totalCount } }' });
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/Did you mean/);
    expect(res.text).not.toMatch(/orgUnits/);
  });
});

@Resolver()
class FailingResolver {
  @Query(() => String, { description: 'test only: fails like a broken dependency' })
  failing(): string {
    throw new Error(
      'MongoServerSelectionError: connect ECONNREFUSED 10.9.8.7:27017 db-prod-3.internal',
    );
  }
}

describe('error masking on the portal pipeline', () => {
  it('shows a bare INTERNAL_SERVER_ERROR to a portal, does not cache it, and still charges the key', async () => {
    const t = await startTestHub();
    const lines: string[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
    const schema = await buildSchema({
      resolvers: [...RESOLVERS, FailingResolver],
      validate: false,
    });
    const http = await startHttpServer({ ...t.container, log }, schema, {
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const key = await issueKey(t.container, (await makeTree(t.container)).cityA);
      const res = await post(http.url, { query: '{ failing }' }, { 'x-api-key': key.secret });
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(res.text).not.toMatch(/ECONNREFUSED|10\.9\.8\.7|db-prod|stacktrace/);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('ratelimit-remaining')).not.toBeNull();
      expect(lines.join('\n')).toContain('db-prod-3.internal');

      const anonymous = await get(http.url, { query: '{ failing }' }, PREFLIGHTED);
      expect(anonymous.headers.get('cache-control')).toBe('no-store');
      expect(anonymous.headers.get('etag')).toBeNull();
    } finally {
      await http.stop();
      await t.stop();
    }
  });
});
