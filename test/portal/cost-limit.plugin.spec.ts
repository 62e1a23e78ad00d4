import { ApolloServer, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import {
  QueryCostContext,
  QueryCostInfo,
  costLimitServerOptions,
  createCostLimitPlugin,
} from '../../src/portal/limits/cost-limit.plugin';
import { rateLimitedError } from '../../src/portal/rate-limit/rate-limit-headers';
import { MemoryBucketStore } from '../../src/portal/rate-limit/token-bucket';
import { portalSchema } from './portal-schema.fixture';

interface Ctx extends QueryCostContext {
  apiKeyId?: string;
}

/** Root resolvers that record every call, to prove rejected queries never execute. */
function makeRoot() {
  const calls: string[] = [];
  const seenCosts: (QueryCostInfo | undefined)[] = [];
  const resource = {
    id: '1',
    title: '太原剪纸入门',
    tags: [],
    unit: { id: 'u1', name: '太原市社区大学' },
  };
  const connection = {
    totalCount: 1,
    nodes: [resource],
    edges: [{ cursor: 'c1', node: resource }],
  };
  const root = {
    resources: (_args: unknown, ctx: Ctx) => {
      calls.push('resources');
      seenCosts.push(ctx.queryCost);
      return connection;
    },
    resource: () => {
      calls.push('resource');
      return resource;
    },
    units: () => {
      calls.push('units');
      return [];
    },
  };
  return { root, calls, seenCosts };
}

function makeServer(
  options: Parameters<typeof createCostLimitPlugin<Ctx>>[0] = {},
  rootValue: object = makeRoot().root,
  // Apollo's own parse limit, as the server wiring is told to set it (off to test the plugin alone).
  withParseOptions = true,
) {
  return new ApolloServer<Ctx>({
    schema: portalSchema,
    rootValue,
    allowBatchedHttpRequests: true,
    ...(withParseOptions ? costLimitServerOptions(options.limits) : {}),
    plugins: [createCostLimitPlugin<Ctx>(options)],
  });
}

async function run(server: ApolloServer<Ctx>, query: string, variables?: Record<string, unknown>) {
  const response = await server.executeOperation({ query, variables }, { contextValue: {} });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { http: response.http, result: response.body.singleResult };
}

describe('createCostLimitPlugin', () => {
  const servers: ApolloServer<Ctx>[] = [];
  const track = (server: ApolloServer<Ctx>) => (servers.push(server), server);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it('executes an acceptable query and exposes its cost on the context', async () => {
    const { root, calls, seenCosts } = makeRoot();
    const onCost = jest.fn();
    const server = track(makeServer({ onCost }, root));
    const { http, result } = await run(
      server,
      `query ($n: Int!) { resources(first: $n) { totalCount nodes { title } } }`,
      { n: 10 },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      resources: { totalCount: 1, nodes: [{ title: '太原剪纸入门' }] },
    });
    expect(http.status).toBeUndefined(); // Apollo's default 200
    expect(calls).toEqual(['resources']);
    expect(seenCosts[0]).toMatchObject({ cost: 11, maxCost: 5_000, depth: 3 });
    expect(onCost).toHaveBeenCalledWith(expect.objectContaining({ cost: 11 }), expect.anything());
  });

  it.each([
    [
      'deep nesting',
      `{ resources(first: 1) { edges { node { unit { resources(first: 1) { edges { node { unit {
         resources(first: 1) { edges { node { title } } } } } } } } } } } }`,
      'QUERY_TOO_DEEP',
    ],
    [
      'alias flooding',
      `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: resources(first: 1) { totalCount }`).join(' ')} }`,
      'QUERY_TOO_MANY_ALIASES',
    ],
    ['a huge first', `{ resources(first: 10000) { totalCount } }`, 'QUERY_PAGE_TOO_LARGE'],
    ['a missing first', `{ resources { totalCount } }`, 'QUERY_PAGINATION_REQUIRED'],
    [
      'an expensive product',
      `{ resources(first: 100) { nodes { unit { resources(first: 100) { nodes { title } } } } } }`,
      'QUERY_TOO_COMPLEX',
    ],
    [
      'a long document',
      `{ resources(first: 1) { totalCount } } #${'x'.repeat(20_000)}`,
      'QUERY_TOO_LONG',
    ],
    [
      'too many tokens',
      `{ resource(id: "1") { ${'id '.repeat(1_000)} } }`,
      'QUERY_TOO_MANY_TOKENS',
    ],
  ])('rejects %s with 400 before any resolver runs', async (_name, query, code) => {
    const { root, calls } = makeRoot();
    const onReject = jest.fn();
    const onCost = jest.fn();
    const server = track(makeServer({ onReject, onCost }, root));
    const { http, result } = await run(server, query);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    const error = result.errors![0];
    expect(error.extensions).toMatchObject({ code, cost: expect.any(Number) });
    expect(error.extensions).toHaveProperty('limit');
    expect(error.extensions).not.toHaveProperty('http');
    expect(error.message).toContain(' / '); // Chinese / English
    expect(http.status).toBe(400);
    expect(calls).toEqual([]);
    expect(onCost).not.toHaveBeenCalled();
    expect(onReject).toHaveBeenCalledWith(
      expect.arrayContaining([expect.objectContaining({ code })]),
      expect.anything(),
    );
  });

  it('enforces the token limit in the plugin when Apollo parses without one', async () => {
    const { root, calls } = makeRoot();
    const server = track(makeServer({ limits: { maxTokens: 50 } }, root, false));
    const { http, result } = await run(server, `{ resource(id: "1") { ${'id '.repeat(60)} } }`);
    expect(result.errors![0].extensions).toMatchObject({
      code: 'QUERY_TOO_MANY_TOKENS',
      limit: 50,
    });
    expect(http.status).toBe(400);
    expect(calls).toEqual([]);
  });

  it("relabels only the token abort of Apollo's parse; it fails fast", async () => {
    const server = track(makeServer());
    const started = Date.now();
    // 30 000 tokens: without the parse limit, validating this takes seconds.
    const { result } = await run(server, `{ resource(id: "1") { ${'id '.repeat(30_000)} } }`);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result.errors![0].extensions).toMatchObject({
      code: 'QUERY_TOO_MANY_TOKENS',
      limit: 1_000,
    });
    expect(result.errors![0].message).toContain('词法单元');
    expect(result.errors![0].extensions).not.toHaveProperty('http');
  });

  it('reports the cost and limit of a too complex query', async () => {
    const server = track(makeServer({ limits: { maxCost: 50 } }));
    const { result } = await run(server, `{ resources(first: 60) { nodes { unit { name } } } }`);
    expect(result.errors![0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      cost: 121,
      limit: 50,
      maxCost: 50,
      violations: [expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', actual: 121 })],
    });
  });

  it('leaves syntax errors as standard GRAPHQL_PARSE_FAILED with status 400', async () => {
    const onReject = jest.fn();
    const server = track(makeServer({ onReject }));
    const { http, result } = await run(server, `{ resources(first: 1) { totalCount }`);
    expect(result.errors![0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(result.errors![0].message).toMatch(/^Syntax Error/);
    expect(http.status).toBe(400);
    expect(onReject).not.toHaveBeenCalled();
  });

  it('leaves validation errors as GRAPHQL_VALIDATION_FAILED', async () => {
    const server = track(makeServer());
    const { http, result } = await run(server, `{ resources(first: 1) { nope } }`);
    expect(result.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(http.status).toBe(400);
  });

  it('lets onCost charge a rate limiter and refuse with 429 before execution', async () => {
    const { root, calls } = makeRoot();
    const store = new MemoryBucketStore({ now: () => 0 });
    const server = track(
      makeServer(
        {
          onCost: async (info) => {
            const result = await store.consume('key-1', info.cost, {
              capacity: 30,
              refillPerSecond: 1,
            });
            if (!result.allowed) throw rateLimitedError(result);
          },
        },
        root,
      ),
    );
    const query = `{ resources(first: 10) { nodes { title } } }`; // cost 11
    expect((await run(server, query)).result.errors).toBeUndefined();
    expect((await run(server, query)).result.errors).toBeUndefined();
    const third = await run(server, query);
    expect(third.http.status).toBe(429);
    expect(third.result.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', cost: 11 });
    expect(third.http.headers.get('retry-after')).toBe('3'); // 8 tokens left, 3 more needed at 1/s
    expect(third.http.headers.get('ratelimit-remaining')).toBe('8');
    expect(calls).toEqual(['resources', 'resources']);
  });

  it('sums the cost across an HTTP batch and enforces batch size and cost', async () => {
    const { root, calls } = makeRoot();
    const server = track(makeServer({ batch: { maxBatchSize: 3, maxBatchCost: 50 } }, root));
    await server.start();
    const post = async (body: unknown[]) => {
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: 'POST',
          headers: new HeaderMap([['content-type', 'application/json']]),
          search: '',
          body,
        },
        context: async () => ({}),
      });
      if (response.body.kind !== 'complete') throw new Error('expected a complete body');
      return JSON.parse(response.body.string) as { errors?: GraphQLError[] }[];
    };
    const op = { query: `{ resources(first: 20) { nodes { title } } }` }; // cost 21

    const two = await post([op, op]);
    expect(two.every((r) => r.errors === undefined)).toBe(true);

    const three = await post([op, op, op]); // 63 > 50: one of them is refused
    const refused = three.filter((r) => r.errors);
    expect(refused).toHaveLength(1);
    expect(refused[0].errors![0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 50,
    });

    const small = { query: `{ units { id } }` };
    const four = await post([small, small, small, small]);
    expect(four.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code)).toEqual([
      'QUERY_BATCH_TOO_LARGE',
    ]);
    expect(calls.filter((c) => c === 'resources')).toHaveLength(4);
  });
});
