import { toGlobalId } from '../../src/graphql/global-id';
import { APQ_COLLECTION } from '../../src/portal/persisted/mongo-kv-cache';
import { queryHash } from '../../src/portal/persisted/query-hash';
import { makeTree, makeUserWithToken } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { get, issueKey, post } from './portal-http.helpers';

describe('automatic persisted queries, shared through MongoDB', () => {
  let t: TestHub;
  let code: string;
  beforeAll(async () => {
    t = await startTestHub();
    code = (await makeTree(t.container)).cityA.code;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('round trip: hash not found → register with the query → hash alone hits', async () => {
    const query = `{ orgUnit(code: "${code}") { name } }`;
    const persistedQuery = { version: 1, sha256Hash: queryHash(query) };

    const miss = await post(t.url, { extensions: { persistedQuery } });
    expect(miss.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const register = await post(t.url, { query, extensions: { persistedQuery } });
    expect(register.status).toBe(200);
    expect(register.body.data.orgUnit.name).toBe('甲市社区大学');

    // Apollo stores the query without waiting for the write (the APQ protocol has clients
    // resend the full text on a miss), so wait for the document before asking by hash alone.
    const apq = t.container.models.connection.db!.collection<{ _id: string; value: string }>(
      APQ_COLLECTION,
    );
    let stored = null;
    for (let i = 0; i < 50 && !stored; i += 1) {
      stored = await apq.findOne({ _id: `apq:${persistedQuery.sha256Hash}` });
    }
    // Stored in MongoDB, so every hub process finds it.
    expect(stored?.value).toBe(query);

    const hit = await post(t.url, { extensions: { persistedQuery } });
    expect(hit.status).toBe(200);
    expect(hit.body.data.orgUnit.name).toBe('甲市社区大学');

    const viaGet = await get(
      t.url,
      { extensions: { persistedQuery } },
      { 'apollo-require-preflight': 'true' },
    );
    expect(viaGet.status).toBe(200);
    expect(viaGet.body.data.orgUnit.name).toBe('甲市社区大学');
  });

  it('rejects a hash that does not match the query', async () => {
    const res = await post(t.url, {
      query: '{ viewer { kind } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
  });

  it('does not store a query that the limits reject', async () => {
    const query = '{ orgUnits(first: 1000) { totalCount } }';
    const persistedQuery = { version: 1, sha256Hash: queryHash(query) };
    const res = await post(t.url, { query, extensions: { persistedQuery } });
    expect(res.body.errors[0].extensions.code).toBe('QUERY_PAGE_TOO_LARGE');
    const again = await post(t.url, { extensions: { persistedQuery } });
    expect(again.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('per-key safelist mode', () => {
  let t: TestHub;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let adminToken: string;
  beforeAll(async () => {
    t = await startTestHub();
    tree = await makeTree(t.container);
    adminToken = (await makeUserWithToken(t.container, tree.cityA, ['ADMIN'])).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const REGISTER = `mutation ($k: ID!, $n: String!, $q: String!) {
    registerPersistedOperation(apiKeyId: $k, name: $n, query: $q) { apiKeyId name sha256 query }
  }`;
  const SAFELIST = `mutation ($id: ID!, $on: Boolean!) {
    setApiKeySafelistMode(id: $id, enabled: $on) { apiKeyId safelistMode operationCount }
  }`;

  it('runs only registered operations once on, anything again once off', async () => {
    const key = await issueKey(t.container, tree.countyA1);
    const keyId = toGlobalId('Credential', key.id);
    const h = { 'x-api-key': key.secret };
    const allowed = `query HomeUnit { orgUnit(code: "${tree.countyA1.code}") { name } }`;
    const other = '{ viewer { kind } }';

    const on = await t.gql(SAFELIST, { id: keyId, on: true }, { token: adminToken });
    expect(on.body.data).toEqual({
      setApiKeySafelistMode: { apiKeyId: keyId, safelistMode: true, operationCount: 0 },
    });

    const refused = await post(t.url, { query: allowed }, h);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'PERSISTED_QUERY_NOT_ALLOWED',
      sha256Hash: queryHash(allowed),
    });

    const registered = await t.gql(
      REGISTER,
      { k: keyId, n: '首页单位', q: allowed },
      { token: adminToken },
    );
    expect(registered.body.errors).toBeUndefined();
    expect(registered.body.data).toEqual({
      registerPersistedOperation: {
        apiKeyId: keyId,
        name: '首页单位',
        sha256: queryHash(allowed),
        query: allowed,
      },
    });
    // Idempotent: registering again changes nothing.
    await t.gql(REGISTER, { k: keyId, n: '首页单位', q: allowed }, { token: adminToken });

    const ok = await post(t.url, { query: allowed }, h);
    expect(ok.status).toBe(200);
    expect(ok.body.data.orgUnit.name).toBe('甲一县社区学院');

    // Registration warmed the persisted-query cache: the hash alone is enough.
    const byHash = await post(
      t.url,
      { extensions: { persistedQuery: { version: 1, sha256Hash: queryHash(allowed) } } },
      h,
    );
    expect(byHash.status).toBe(200);
    expect(byHash.body.data.orgUnit.name).toBe('甲一县社区学院');

    // A different text (even whitespace) is a different operation.
    expect((await post(t.url, { query: `${allowed} ` }, h)).body.errors[0].extensions.code).toBe(
      'PERSISTED_QUERY_NOT_ALLOWED',
    );
    expect((await post(t.url, { query: other }, h)).status).toBe(400);

    const listed = await t.gql<{ persistedOperations: Array<{ name: string }> }>(
      'query ($k: ID!) { persistedOperations(apiKeyId: $k) { name } }',
      { k: keyId },
      { token: adminToken },
    );
    expect(listed.body.data!.persistedOperations).toEqual([{ name: '首页单位' }]);

    const off = await t.gql(SAFELIST, { id: keyId, on: false }, { token: adminToken });
    expect(off.body.data).toMatchObject({
      setApiKeySafelistMode: { safelistMode: false, operationCount: 1 },
    });
    expect((await post(t.url, { query: other }, h)).status).toBe(200);
  });

  it('does not touch other keys, users or anonymous callers', async () => {
    const safelisted = await issueKey(t.container, tree.countyA2);
    await t.gql(
      SAFELIST,
      { id: toGlobalId('Credential', safelisted.id), on: true },
      { token: adminToken },
    );
    const plain = await issueKey(t.container, tree.countyA2);
    expect(
      (await post(t.url, { query: '{ viewer { kind } }' }, { 'x-api-key': plain.secret })).status,
    ).toBe(200);
    expect((await post(t.url, { query: '{ viewer { kind } }' })).status).toBe(200);
    expect(
      (await post(t.url, { query: '{ viewer { kind } }' }, { 'x-api-key': safelisted.secret }))
        .status,
    ).toBe(400);
  });

  it('lets only admins over the key’s unit manage its safelist (others see NOT_FOUND)', async () => {
    const key = await issueKey(t.container, tree.countyB1);
    const keyId = toGlobalId('Credential', key.id);
    const res = await t.gql(SAFELIST, { id: keyId, on: true }, { token: adminToken });
    expect(res.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const reg = await t.gql(
      REGISTER,
      { k: keyId, n: 'x', q: '{ viewer { kind } }' },
      { token: adminToken },
    );
    expect(reg.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const asPortal = await post(
      t.url,
      { query: SAFELIST, variables: { id: keyId, on: false } },
      { 'x-api-key': key.secret },
    );
    expect(asPortal.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses to register a query that does not parse', async () => {
    const key = await issueKey(t.container, tree.cityA);
    const res = await t.gql(
      REGISTER,
      { k: toGlobalId('Credential', key.id), n: 'broken', q: '{ viewer { ' },
      { token: adminToken },
    );
    expect(res.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'query',
    });
  });
});
