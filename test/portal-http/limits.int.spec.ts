import { Arg, Int, Query, Resolver } from 'type-graphql';
import { buildSchema } from 'type-graphql';
import { RESOLVERS } from '../../src/graphql/schema';
import { OrgUnitConnection } from '../../src/resolvers/org-unit/org-unit.type';
import { startHttpServer, type HubHttpServer } from '../../src/server/http-app';
import { makeTree } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { post, type RawResponse } from './portal-http.helpers';

/** Test only: a list field whose page size has no default, as a catalogue connection may have. */
@Resolver()
class UndefaultedPageResolver {
  @Query(() => OrgUnitConnection, { description: 'test only' })
  unpagedUnits(@Arg('first', () => Int, { nullable: true }) _first?: number): OrgUnitConnection {
    throw new Error('must not run: pagination is required');
  }
}

describe('query cost control before execution, through HTTP', () => {
  let t: TestHub;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  beforeAll(async () => {
    t = await startTestHub();
    tree = await makeTree(t.container);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const expectRejected = (res: RawResponse, code: string) => {
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe(code);
    expect(res.body.data).toBeUndefined();
  };

  it('runs an ordinary paginated query on the real schema (orgUnits, children)', async () => {
    const res = await post(t.url, {
      query: `{ orgUnits(first: 10) { totalCount nodes { code children(first: 5) { nodes { name } } } } }`,
    });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.orgUnits.totalCount).toBeGreaterThanOrEqual(7);
  });

  it('takes the schema default page size (20) when first is omitted on a defaulted field', async () => {
    const res = await post(t.url, { query: `{ orgUnits { totalCount } }` });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it('rejects deep nesting with QUERY_TOO_DEEP', async () => {
    let inner = 'name';
    for (let i = 0; i < 6; i += 1) inner = `children(first: 1) { nodes { ${inner} } }`;
    const res = await post(t.url, {
      query: `{ orgUnit(code: "${tree.province.code}") { ${inner} } }`,
    });
    expectRejected(res, 'QUERY_TOO_DEEP');
  });

  it('rejects alias flooding with QUERY_TOO_MANY_ALIASES', async () => {
    const fields = Array.from({ length: 40 }, (_, i) => `a${i}: viewer { kind }`).join(' ');
    expectRejected(await post(t.url, { query: `{ ${fields} }` }), 'QUERY_TOO_MANY_ALIASES');
  });

  it('rejects a huge first with QUERY_PAGE_TOO_LARGE', async () => {
    const res = await post(t.url, { query: `{ orgUnits(first: 100000) { totalCount } }` });
    expectRejected(res, 'QUERY_PAGE_TOO_LARGE');
    expect(res.body.errors[0].extensions.limit).toBe(100);
  });

  it('counts a page size passed in a variable', async () => {
    const res = await post(t.url, {
      query: `query ($n: Int) { orgUnits(first: $n) { totalCount } }`,
      variables: { n: 101 },
    });
    expectRejected(res, 'QUERY_PAGE_TOO_LARGE');
  });

  it('rejects an expensive product of pages with QUERY_TOO_COMPLEX', async () => {
    const res = await post(t.url, {
      query: `{ orgUnits(first: 100) { nodes { children(first: 100) { nodes { children(first: 100) { totalCount } } } } } }`,
    });
    expectRejected(res, 'QUERY_TOO_COMPLEX');
  });

  it('rejects a long document with QUERY_TOO_LONG and a token flood with QUERY_TOO_MANY_TOKENS', async () => {
    expectRejected(
      await post(t.url, { query: `{ viewer { kind } } #${'长'.repeat(12_000)}` }),
      'QUERY_TOO_LONG',
    );
    expectRejected(
      await post(t.url, { query: `{ viewer { ${'kind '.repeat(1_500)} } }` }),
      'QUERY_TOO_MANY_TOKENS',
    );
  });

  it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED, never 500', async () => {
    expectRejected(await post(t.url, { query: '{ orgUnits(first: ' }), 'GRAPHQL_PARSE_FAILED');
  });

  it('refuses batched arrays: batching is off by default', async () => {
    const res = await post(t.url, [
      { query: '{ viewer { kind } }' },
      { query: '{ viewer { kind } }' },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/batching disabled/i);
  });

  it('requires first on a list field that has no default (QUERY_PAGINATION_REQUIRED), before any resolver', async () => {
    const schema = await buildSchema({
      resolvers: [...RESOLVERS, UndefaultedPageResolver],
      validate: false,
    });
    const http: HubHttpServer = await startHttpServer(t.container, schema, {
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const res = await post(http.url, { query: '{ unpagedUnits { totalCount } }' });
      expectRejected(res, 'QUERY_PAGINATION_REQUIRED');
      const ok = await post(http.url, { query: '{ unpagedUnits(first: 500) { totalCount } }' });
      expectRejected(ok, 'QUERY_PAGE_TOO_LARGE');
    } finally {
      await http.stop();
    }
  });
});

describe('batched requests when GRAPHQL_BATCH_MAX is set', () => {
  let t: TestHub;
  beforeAll(async () => {
    // A near-zero refill keeps the token arithmetic exact however slow the machine is.
    t = await startTestHub({
      env: { GRAPHQL_BATCH_MAX: '2', RATE_LIMIT_IP_REFILL_PER_SECOND: '0.0001' },
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('runs a batch within the limit and charges every operation', async () => {
    const op = {
      query: '{ a: orgUnits(first: 1) { totalCount } b: orgUnits(first: 1) { totalCount } }',
    };
    const single = await post(t.url, op);
    const before = Number(single.headers.get('ratelimit-remaining'));
    const res = await post(t.url, [op, op]);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    const after = Number(res.headers.get('ratelimit-remaining'));
    // Each operation costs 2; the batch drained both.
    expect(before - after).toBe(4);
  });

  it('rejects an oversized batch with QUERY_BATCH_TOO_LARGE before running any of it', async () => {
    const op = { query: '{ viewer { kind } }' };
    const res = await post(t.url, [op, op, op]);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('QUERY_BATCH_TOO_LARGE');
  });

  it('rejects a batch whose items break a limit', async () => {
    const res = await post(t.url, [
      { query: '{ viewer { kind } }' },
      { query: '{ orgUnits(first: 1000) { totalCount } }' },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('QUERY_PAGE_TOO_LARGE');
  });
});
