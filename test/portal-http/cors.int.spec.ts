import { makeTree, makeUserWithToken } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { issueKey, post } from './portal-http.helpers';

const PORTAL = 'https://xuexi.taiyuan.example.cn';
const OTHER = 'https://copycat.example.com';
const LISTED = 'https://city-portal.example.cn';

describe('browser origins and CORS', () => {
  let t: TestHub;
  let restricted: { id: string; secret: string };
  let unrestricted: { id: string; secret: string };
  let userToken: string;
  beforeAll(async () => {
    t = await startTestHub({ env: { CORS_ORIGINS: `${LISTED},*` } });
    const tree = await makeTree(t.container);
    restricted = await issueKey(t.container, tree.cityA, { allowedOrigins: [PORTAL] });
    unrestricted = await issueKey(t.container, tree.cityA);
    userToken = (await makeUserWithToken(t.container, tree.cityA, ['MEMBER'])).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const Q = { query: '{ viewer { kind } }' };

  it('refuses a key used from an origin it does not allow: 403 ORIGIN_NOT_ALLOWED, nothing runs', async () => {
    const res = await post(t.url, Q, { 'x-api-key': restricted.secret, origin: OTHER });
    expect(res.status).toBe(403);
    expect(res.body.errors[0].extensions.code).toBe('ORIGIN_NOT_ALLOWED');
    expect(res.body.data).toBeUndefined();
  });

  it('echoes an allowed origin for the key (never *), without Allow-Credentials', async () => {
    const res = await post(t.url, Q, { 'x-api-key': restricted.secret, origin: PORTAL });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/Origin/i);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/ratelimit-remaining/);
  });

  it('lets server-side callers (no Origin) use a restricted key', async () => {
    const res = await post(t.url, Q, { 'x-api-key': restricted.secret });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('uses CORS_ORIGINS for callers without a key: * for anonymous, the listed origin echoed', async () => {
    const anyOrigin = await post(t.url, Q, { origin: OTHER });
    expect(anyOrigin.headers.get('access-control-allow-origin')).toBe('*');
    const listed = await post(t.url, Q, { origin: LISTED });
    expect(listed.headers.get('access-control-allow-origin')).toBe(LISTED);
  });

  it('never answers * to a request that carries a credential', async () => {
    const keyed = await post(t.url, Q, { 'x-api-key': unrestricted.secret, origin: OTHER });
    expect(keyed.status).toBe(200);
    expect(keyed.headers.get('access-control-allow-origin')).toBeNull();
    const user = await post(t.url, Q, { authorization: `Bearer ${userToken}`, origin: OTHER });
    expect(user.headers.get('access-control-allow-origin')).toBeNull();
    const userListed = await post(t.url, Q, {
      authorization: `Bearer ${userToken}`,
      origin: LISTED,
    });
    expect(userListed.headers.get('access-control-allow-origin')).toBe(LISTED);
  });

  it('answers preflights for origins a key allows, with the headers portals need', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: PORTAL,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-api-key',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/x-api-key/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('preflight without a CORS_ORIGINS wildcard', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
    const tree = await makeTree(t.container);
    await issueKey(t.container, tree.cityB, { allowedOrigins: [PORTAL] });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const preflight = (origin: string) =>
    fetch(`${t.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });

  it('refuses an origin no key and no configuration allows', async () => {
    const res = await preflight(OTHER);
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('accepts an origin some live key allows', async () => {
    const res = await preflight(PORTAL);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(PORTAL);
  });

  it('gives anonymous browser requests no CORS access by default', async () => {
    const res = await post(t.url, { query: '{ viewer { kind } }' }, { origin: OTHER });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
