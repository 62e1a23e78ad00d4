import { parse } from 'graphql';
import { analyzeQuery } from '../../src/portal/limits/analyze-query';
import { countDirectives } from '../../src/portal/limits/directive-limit';
import { measureDepth } from '../../src/portal/limits/depth-limit';
import { findOperation, fragmentMap } from '../../src/portal/limits/document-walk';
import { portalSchema } from './portal-schema.fixture';

const codes = (query: string, limits = {}, variables?: Record<string, unknown>) =>
  analyzeQuery(portalSchema, parse(query), { limits, variables }).violations.map((v) => v.code);

// Depth 9: resources > edges > node > unit > resources > edges > node > unit > name
const NINE_DEEP = `{
  resources(first: 1) { edges { node { unit {
    resources(first: 1) { edges { node { unit { name } } } }
  } } } }
}`;

describe('depth limit', () => {
  it('measures nesting with root fields at depth 1', () => {
    const analysis = analyzeQuery(portalSchema, parse(NINE_DEEP));
    expect(analysis.depth).toBe(9);
    expect(analysis.ok).toBe(true);
  });

  it('reports QUERY_TOO_DEEP with limit and actual depth', () => {
    const analysis = analyzeQuery(portalSchema, parse(NINE_DEEP), { limits: { maxDepth: 5 } });
    expect(analysis.violations).toEqual([
      expect.objectContaining({ code: 'QUERY_TOO_DEEP', limit: 5, actual: 9 }),
    ]);
  });

  it('follows named and inline fragments', () => {
    const query = `
      query { resources(first: 1) { ...Conn } }
      fragment Conn on ResourceConnection { edges { node { ... on Resource { unit { ...U } } } } }
      fragment U on Unit { resources(first: 1) { nodes { title } } }
    `;
    // resources 1, edges 2, node 3, unit 4, resources 5, nodes 6, title 7
    expect(analyzeQuery(portalSchema, parse(query)).depth).toBe(7);
    expect(codes(query, { maxDepth: 6 })).toEqual(['QUERY_TOO_DEEP']);
  });

  it('terminates on cyclic fragments (invalid GraphQL, but checked before validation too)', () => {
    const query = `
      query { resource(id: "1") { ...A } }
      fragment A on Resource { unit { resources(first: 1) { nodes { ...B } } } }
      fragment B on Resource { related(first: 1) { ...A } }
    `;
    const document = parse(query);
    const operation = findOperation(document)!;
    const depth = measureDepth(operation, fragmentMap(document));
    expect(Number.isFinite(depth)).toBe(true);
    const analysis = analyzeQuery(portalSchema, document, { limits: { maxDepth: 20 } });
    expect(Number.isFinite(analysis.cost)).toBe(true);
  });

  it('ignores the introspection query depth by default, not when asked to', () => {
    const introspection = `{ __schema { types { fields { type { ofType { ofType { ofType {
      ofType { ofType { ofType { ofType { name } } } } } } } } } } } }`;
    expect(codes(introspection)).toEqual([]);
    expect(codes(introspection, { ignoreIntrospectionDepth: false })).toContain('QUERY_TOO_DEEP');
  });
});

describe('alias limit', () => {
  const flood = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: resource(id: "${i}") { title }`).join(' ')} }`;

  it('allows up to maxAliases and rejects alias flooding beyond', () => {
    expect(codes(flood(15))).not.toContain('QUERY_TOO_MANY_ALIASES');
    const analysis = analyzeQuery(portalSchema, parse(flood(16)));
    expect(analysis.aliases).toBe(16);
    expect(analysis.violations).toContainEqual(
      expect.objectContaining({ code: 'QUERY_TOO_MANY_ALIASES', limit: 15, actual: 16 }),
    );
  });

  it('counts aliases inside fragments', () => {
    const query = `{ resource(id: "1") { ...F } } fragment F on Resource { a: title b: title c: id }`;
    expect(codes(query, { maxAliases: 2 })).toEqual(['QUERY_TOO_MANY_ALIASES']);
  });
});

describe('directive limit', () => {
  it('counts repeated directives one by one', () => {
    const repeated = `{ resource(id: "1") { title ${'@skip(if: false) '.repeat(25)} } }`;
    expect(countDirectives(parse(repeated))).toBe(25);
    expect(analyzeQuery(portalSchema, parse(repeated)).violations).toContainEqual(
      expect.objectContaining({ code: 'QUERY_TOO_MANY_DIRECTIVES', limit: 20, actual: 25 }),
    );
  });

  it('counts directives on fragments, spreads and operations', () => {
    const query = `
      query Q @a { resource(id: "1") @b { ...F @c ... @d { id } } }
      fragment F on Resource @e { title @f }
    `;
    expect(countDirectives(parse(query))).toBe(6);
    expect(codes(query, { maxDirectives: 5 })).toContain('QUERY_TOO_MANY_DIRECTIVES');
  });
});

describe('root field limit', () => {
  it('counts distinct root response keys, through fragments', () => {
    const fields = Array.from({ length: 11 }, (_, i) => `r${i}: resource(id: "${i}") { id }`);
    const query = `{ ${fields.slice(0, 6).join(' ')} ...Rest } fragment Rest on Query { ${fields
      .slice(6)
      .join(' ')} }`;
    const analysis = analyzeQuery(portalSchema, parse(query), { limits: { maxAliases: 50 } });
    expect(analysis.rootFields).toBe(11);
    expect(analysis.violations.map((v) => v.code)).toEqual(['QUERY_TOO_MANY_ROOT_FIELDS']);
  });

  it('merges a root field repeated under the same key', () => {
    const query = `{ units { id } units { name } units { id } }`;
    expect(analyzeQuery(portalSchema, parse(query)).rootFields).toBe(1);
  });
});

describe('operation selection', () => {
  const doc = `query A { units { id } } query B { resources(first: 500) { totalCount } }`;

  it('analyzes only the named operation', () => {
    expect(codes(doc, {}, undefined)).toEqual(['QUERY_OPERATION_NOT_FOUND']);
    const a = analyzeQuery(portalSchema, parse(doc), { operationName: 'A' });
    expect(a.ok).toBe(true);
    const b = analyzeQuery(portalSchema, parse(doc), { operationName: 'B' });
    expect(b.violations.map((v) => v.code)).toEqual(['QUERY_PAGE_TOO_LARGE']);
    const missing = analyzeQuery(portalSchema, parse(doc), { operationName: 'C' });
    expect(missing.violations[0].messageEn).toContain('No operation named C');
  });

  it('checks mutations against the mutation root', () => {
    const analysis = analyzeQuery(
      portalSchema,
      parse(`mutation { favorite(id: "1") { related(first: 10) { unit { name } } } }`),
    );
    // favorite 1 + related (1 + 10 × unit 1)
    expect(analysis).toMatchObject({ ok: true, cost: 12 });
  });
});
