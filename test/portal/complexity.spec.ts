import { parse } from 'graphql';
import { analyzeQuery } from '../../src/portal/limits/analyze-query';
import { portalSchema } from './portal-schema.fixture';

const analyze = (
  query: string,
  options: { limits?: object; variables?: Record<string, unknown>; operationName?: string } = {},
) => analyzeQuery(portalSchema, parse(query), options);

describe('complexity estimate', () => {
  it('charges 1 per composite field, 0 per scalar, and multiplies a page by first', () => {
    const analysis = analyze(`{
      resources(first: 10) { totalCount edges { node { id title unit { name } } } }
    }`);
    // resources 1 + 10 × (totalCount 0 + edges (1 + node (1 + unit 1)))
    expect(analysis).toMatchObject({ ok: true, cost: 31, violations: [] });
  });

  it('uses last like first, and the larger of the two', () => {
    expect(analyze(`{ resources(last: 4) { nodes { id } } }`).cost).toBe(5);
    expect(analyze(`{ resources(first: 2, last: 6) { nodes { id } } }`).cost).toBe(7);
  });

  it('makes scalar and per-field costs configurable', () => {
    const query = `{ resource(id: "1") { id title tags unit { name } } }`;
    expect(analyze(query).cost).toBe(2);
    expect(analyze(query, { limits: { scalarFieldCost: 1 } }).cost).toBe(6);
    expect(analyze(query, { limits: { fieldCosts: { 'Query.resource': 10 } } }).cost).toBe(11);
  });

  it('multiplies nested connections and rejects the product with QUERY_TOO_COMPLEX', () => {
    const analysis = analyze(`{
      resources(first: 100) { edges { node { unit {
        resources(first: 100) { edges { node { title } } }
      } } } }
    }`);
    // inner 1 + 100 × 2 = 201; unit 202; node 203; edges 204; outer 1 + 100 × 204
    expect(analysis.cost).toBe(20_401);
    expect(analysis.violations).toEqual([
      expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 5_000, actual: 20_401 }),
    ]);
    expect(analysis.violations[0].messageZh).toContain('查询过于复杂');
  });

  it('charges every alias separately, but a repeated field under one key once', () => {
    const aliased = `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: resources(first: 10) { nodes { unit { name } } }`).join(' ')} }`;
    const repeated = `{ ${'resources(first: 10) { nodes { unit { name } } } '.repeat(50)} }`;
    const one = analyze(`{ resources(first: 10) { nodes { unit { name } } } }`).cost;
    expect(one).toBe(21);
    expect(analyze(repeated).cost).toBe(one);
    const flood = analyze(aliased, { limits: { maxAliases: 100, maxRootFields: 100 } });
    expect(flood.cost).toBe(50 * one);
    expect(flood.ok).toBe(true);
    expect(
      analyze(aliased, { limits: { maxAliases: 100, maxRootFields: 100, maxCost: 1_000 } })
        .violations,
    ).toEqual([expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' })]);
  });

  it('charges fragments and inline fragments where they are spread', () => {
    const query = `
      query {
        a: resources(first: 5) { ...R }
        b: resources(first: 5) { ... on ResourceConnection { nodes { unit { name } } } }
        ...Root
      }
      fragment R on ResourceConnection { nodes { unit { name } } }
      fragment Root on Query { units { resources(first: 3) { ...R } } }
    `;
    // a: 1 + 5 × 2 = 11; b: 11; units: 1 + (1 + 3 × 2) = 8
    expect(analyze(query).cost).toBe(30);
  });

  it('merges a fragment spread twice into the same selection', () => {
    const query = `{ resources(first: 5) { ...R ...R ...R } } fragment R on ResourceConnection { nodes { unit { name } } }`;
    expect(analyze(query).cost).toBe(11);
  });

  it('resolves page sizes from variables and operation defaults', () => {
    const query = `query List($n: Int = 7) { resources(first: $n) { nodes { id } } }`;
    expect(analyze(query).cost).toBe(8);
    expect(analyze(query, { variables: { n: 20 } }).cost).toBe(21);
    expect(analyze(query, { variables: { n: 500 } }).violations).toEqual([
      expect.objectContaining({
        code: 'QUERY_PAGE_TOO_LARGE',
        path: 'resources',
        limit: 100,
        actual: 500,
      }),
    ]);
  });

  it('uses a schema default for the page size', () => {
    // search(first: Int = 20): 1 + 20 × unit 1
    const analysis = analyze(`{ search(query: "太原") { ... on Resource { unit { name } } } }`);
    expect(analysis).toMatchObject({ ok: true, cost: 21 });
  });

  it('requires first/last on paginated fields, naming the path', () => {
    const analysis = analyze(`{ units { resources { totalCount } } resources { totalCount } }`);
    expect(analysis.violations.map((v) => [v.code, v.path])).toEqual([
      ['QUERY_PAGINATION_REQUIRED', 'units.resources'],
      ['QUERY_PAGINATION_REQUIRED', 'resources'],
    ]);
    expect(analysis.violations[0].messageEn).toContain('`first` or `last`');
    // A variable left unset counts as missing too.
    expect(
      analyze(`query ($n: Int) { resources(first: $n) { totalCount } }`).violations[0].code,
    ).toBe('QUERY_PAGINATION_REQUIRED');
  });

  it('rejects a page larger than maxPageSize on list fields too', () => {
    const analysis = analyze(`{ resource(id: "1") { related(first: 101) { id } } }`);
    expect(analysis.violations.map((v) => [v.code, v.path])).toEqual([
      ['QUERY_PAGE_TOO_LARGE', 'resource.related'],
    ]);
  });

  it('skips what @skip/@include remove', () => {
    const query = `query ($all: Boolean!) {
      resources(first: 100) @include(if: $all) { nodes { unit { name } } }
      units @skip(if: true) { id }
      resource(id: "1") { id }
    }`;
    expect(analyze(query, { variables: { all: false } }).cost).toBe(1);
    expect(analyze(query, { variables: { all: true } }).cost).toBe(1 + 201);
  });

  it('stops early on an exponential fragment fan-out', () => {
    // Each level doubles through two aliases: 2^40 executed paths from a ~2 KB document.
    const levels = 40;
    const fragments = Array.from(
      { length: levels },
      (_, i) =>
        `fragment F${i} on Resource { x: related(first: 1) { ${i + 1 < levels ? `...F${i + 1}` : 'id'} } y: related(first: 1) { ${i + 1 < levels ? `...F${i + 1}` : 'id'} } }`,
    ).join('\n');
    const query = `{ resource(id: "1") { ...F0 } }\n${fragments}`;
    const started = Date.now();
    const analysis = analyze(query, {
      limits: { maxDepth: 1_000, maxAliases: 1_000, maxTokens: 100_000 },
    });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(analysis.violations).toEqual([expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' })]);
    expect(analysis.cost).toBeGreaterThan(5_000);
  });

  it('collects several kinds of violation at once', () => {
    const analysis = analyze(
      `{ resources(first: 1000) { edges { node { unit { resources { totalCount } } } } } }`,
      { limits: { maxDepth: 4 } },
    );
    expect(analysis.violations.map((v) => v.code).sort()).toEqual([
      'QUERY_PAGE_TOO_LARGE',
      'QUERY_PAGINATION_REQUIRED',
      'QUERY_TOO_DEEP',
    ]);
  });
});
