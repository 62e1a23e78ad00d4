import express from 'express';
import type { AddressInfo } from 'node:net';
import { analyzeBatch } from '../../src/portal/limits/batch-limit';
import { createBatchLimitMiddleware } from '../../src/portal/limits/batch-limit.middleware';
import { portalSchema } from './portal-schema.fixture';

const op = (first: number) => ({ query: `{ resources(first: ${first}) { nodes { title } } }` });

describe('analyzeBatch', () => {
  it('sums the costs of the operations', () => {
    const batch = analyzeBatch(portalSchema, [op(10), op(20), { query: '{ units { id } }' }]);
    expect(batch).toMatchObject({ ok: true, size: 3, totalCost: 11 + 21 + 1, violations: [] });
    expect(batch.items.map((i) => i.cost)).toEqual([11, 21, 1]);
  });

  it('resolves each item with its own variables and operation name', () => {
    const query = `query A($n: Int!) { resources(first: $n) { nodes { id } } } query B { units { id } }`;
    const batch = analyzeBatch(portalSchema, [
      { query, operationName: 'A', variables: { n: 50 } },
      { query, operationName: 'B' },
    ]);
    expect(batch.items.map((i) => i.cost)).toEqual([51, 1]);
  });

  it('rejects an oversized batch without parsing any item', () => {
    const batch = analyzeBatch(
      portalSchema,
      Array.from({ length: 6 }, () => op(1)),
    );
    expect(batch.ok).toBe(false);
    expect(batch.items).toEqual([]);
    expect(batch.violations).toEqual([
      expect.objectContaining({ code: 'QUERY_BATCH_TOO_LARGE', limit: 5, actual: 6 }),
    ]);
  });

  it('rejects a batch whose summed cost is over maxBatchCost', () => {
    const batch = analyzeBatch(portalSchema, [op(100), op(100)], { batch: { maxBatchCost: 150 } });
    expect(batch.totalCost).toBe(202);
    expect(batch.violations).toEqual([
      expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 150, actual: 202 }),
    ]);
  });

  it('reports item violations and keeps syntax errors apart', () => {
    const batch = analyzeBatch(portalSchema, [
      op(500),
      { query: '{ units { id ' },
      { query: `{ a } #${'x'.repeat(20_000)}` },
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
    ]);
    expect(batch.ok).toBe(false);
    expect(batch.items[0].violations.map((v) => v.code)).toEqual(['QUERY_PAGE_TOO_LARGE']);
    expect(batch.items[1].violations).toEqual([]);
    expect(batch.items[1].syntaxError?.message).toMatch(/^Syntax Error/);
    expect(batch.items[2].violations.map((v) => v.code)).toEqual(['QUERY_TOO_LONG']);
    expect(batch.items[3]).toMatchObject({ ok: true, cost: 0 });
  });

  it('does not fail the batch for a syntax error alone', () => {
    expect(analyzeBatch(portalSchema, [op(1), { query: '{' }]).ok).toBe(true);
  });
});

describe('createBatchLimitMiddleware', () => {
  let baseUrl = '';
  let close: () => void = () => undefined;

  beforeAll(async () => {
    const app = express();
    app.use(express.json());
    app.post(
      '/graphql',
      createBatchLimitMiddleware(portalSchema, { batch: { maxBatchSize: 3 } }),
      (_req, res) => {
        res.json({ passed: true, batchCost: res.locals.queryBatchCost ?? null });
      },
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  const post = (body: unknown) =>
    fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('passes single requests untouched', async () => {
    const res = await post({ query: '{ resources { totalCount } }' });
    expect(await res.json()).toEqual({ passed: true, batchCost: null });
  });

  it('passes an acceptable batch with its total cost', async () => {
    const res = await post([op(10), op(10)]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ passed: true, batchCost: 22 });
  });

  it('answers 400 with GraphQL-shaped errors for a too large batch', async () => {
    const res = await post([op(1), op(1), op(1), op(1)]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: object }[] };
    expect(body.errors).toEqual([
      {
        message: expect.stringContaining('Batched request contains too many operations'),
        extensions: expect.objectContaining({ code: 'QUERY_BATCH_TOO_LARGE', limit: 3, actual: 4 }),
      },
    ]);
  });

  it('answers 400 when one operation of the batch breaks a limit', async () => {
    const res = await post([op(1), { query: '{ resources { totalCount } }' }]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['QUERY_PAGINATION_REQUIRED']);
  });
});
