import { ApolloServer } from '@apollo/server';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { createCostLimitPlugin } from '../../src/portal/limits/cost-limit.plugin';
import { createPortalMetrics } from '../../src/portal/metrics/metrics';
import { createMetricsHandler } from '../../src/portal/metrics/metrics.handler';
import { createMetricsPlugin } from '../../src/portal/metrics/metrics.plugin';
import { portalSchema } from './portal-schema.fixture';

describe('createPortalMetrics', () => {
  it('counts requests per key, operation type and outcome', async () => {
    const metrics = createPortalMetrics({ defaultMetrics: false });
    metrics.recordRequest({
      apiKeyId: 'k-taiyuan',
      operationType: 'query',
      outcome: 'success',
      durationSeconds: 0.02,
    });
    metrics.recordRequest({
      apiKeyId: 'k-taiyuan',
      operationType: 'query',
      outcome: 'success',
      durationSeconds: 0.3,
    });
    metrics.recordRequest({ operationType: 'query', outcome: 'rejected', durationSeconds: 0.001 });
    metrics.recordRejection('QUERY_TOO_DEEP');

    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'learning_port_graphql_requests_total{api_key="k-taiyuan",operation_type="query",outcome="success"} 2',
    );
    expect(text).toContain(
      'learning_port_graphql_requests_total{api_key="anonymous",operation_type="query",outcome="rejected"} 1',
    );
    expect(text).toContain('learning_port_graphql_rejections_total{reason="QUERY_TOO_DEEP"} 1');
    expect(text).toContain(
      'learning_port_graphql_request_duration_seconds_bucket{le="0.025",operation_type="query",outcome="success"} 1',
    );
    expect(text).toContain(
      'learning_port_graphql_request_duration_seconds_count{operation_type="query",outcome="success"} 2',
    );
  });

  it('includes default process metrics and keeps registries independent', async () => {
    const a = createPortalMetrics();
    const b = createPortalMetrics({ prefix: 'other_' });
    a.recordRejection('RATE_LIMITED');
    const textA = await a.registry.metrics();
    const textB = await b.registry.metrics();
    expect(textA).toContain('learning_port_process_cpu_user_seconds_total');
    expect(textA).toContain('learning_port_nodejs_heap_size_used_bytes');
    expect(textA).toContain('learning_port_graphql_rejections_total{reason="RATE_LIMITED"} 1');
    expect(textB).toContain('other_process_cpu_user_seconds_total');
    expect(textB).not.toContain('reason="RATE_LIMITED"');
  });
});

describe('createMetricsHandler', () => {
  it('serves the exposition text on /metrics', async () => {
    const metrics = createPortalMetrics({ defaultLabels: { role: 'hub' } });
    metrics.recordRequest({
      apiKeyId: 'k1',
      operationType: 'query',
      outcome: 'success',
      durationSeconds: 0.01,
    });
    const app = express();
    app.get('/metrics', createMetricsHandler(metrics.registry));
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      const text = await res.text();
      expect(text).toContain('# TYPE learning_port_graphql_requests_total counter');
      expect(text).toContain(
        'learning_port_graphql_requests_total{api_key="k1",operation_type="query",outcome="success",role="hub"} 1',
      );
      expect(text).toContain('# TYPE learning_port_graphql_request_duration_seconds histogram');
    } finally {
      server.close();
    }
  });
});

describe('createMetricsPlugin', () => {
  interface Ctx {
    apiKeyId?: string;
  }
  const metrics = createPortalMetrics({ defaultMetrics: false });
  const server = new ApolloServer<Ctx>({
    schema: portalSchema,
    rootValue: {
      units: () => [{ id: 'u1', name: '大同市社区学院' }],
      resource: () => {
        throw new Error('boom');
      },
    },
    plugins: [
      createCostLimitPlugin<Ctx>({ limits: { maxDepth: 3 } }),
      createMetricsPlugin<Ctx>(metrics, { apiKeyId: (ctx) => ctx.apiKeyId }),
    ],
  });
  afterAll(() => server.stop());

  it('records outcomes and rejection reasons of real requests', async () => {
    await server.executeOperation(
      { query: '{ units { id } }' },
      { contextValue: { apiKeyId: 'k-dt' } },
    );
    await server.executeOperation({ query: '{ resource(id: "1") { id } }' }, { contextValue: {} });
    await server.executeOperation(
      { query: '{ units { resources(first: 1) { nodes { unit { id } } } } }' },
      { contextValue: { apiKeyId: 'k-dt' } },
    );
    await server.executeOperation({ query: '{ units {' }, { contextValue: {} });

    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'learning_port_graphql_requests_total{api_key="k-dt",operation_type="query",outcome="success"} 1',
    );
    expect(text).toContain(
      'learning_port_graphql_requests_total{api_key="anonymous",operation_type="query",outcome="error"} 1',
    );
    expect(text).toContain(
      'learning_port_graphql_requests_total{api_key="k-dt",operation_type="query",outcome="rejected"} 1',
    );
    expect(text).toContain('learning_port_graphql_rejections_total{reason="QUERY_TOO_DEEP"} 1');
    expect(text).toContain(
      'learning_port_graphql_rejections_total{reason="GRAPHQL_PARSE_FAILED"} 1',
    );
    expect(text).toContain(
      'learning_port_graphql_requests_total{api_key="anonymous",operation_type="unknown",outcome="rejected"} 1',
    );
  });
});
