import { makeTree } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { issueKey, post } from './portal-http.helpers';

describe('/metrics', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('exposes per-key request counts, rejections by reason and latency after a few requests', async () => {
    const tree = await makeTree(t.container);
    const key = await issueKey(t.container, tree.cityA, { allowedOrigins: ['https://ok.example'] });
    const h = { 'x-api-key': key.secret };
    await post(t.url, { query: '{ viewer { kind } }' }, h);
    await post(t.url, { query: '{ viewer { kind } }' }, h);
    await post(t.url, { query: '{ orgUnits(first: 1000) { totalCount } }' }, h);
    await post(t.url, { query: '{ viewer { kind } }' }, { ...h, origin: 'https://evil.example' });
    await post(t.url, { query: '{ viewer { kind } }' }, { 'x-api-key': 'sxlp_key_nonsense' });
    await post(t.url, { query: '{ viewer { kind } }' });

    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toContain(
      `learning_port_graphql_requests_total{api_key="${key.id}",operation_type="query",outcome="success"} 2`,
    );
    expect(text).toMatch(
      /learning_port_graphql_requests_total\{api_key="anonymous",operation_type="query",outcome="success"\} \d+/,
    );
    expect(text).toContain(
      'learning_port_graphql_rejections_total{reason="QUERY_PAGE_TOO_LARGE"} 1',
    );
    expect(text).toContain('learning_port_graphql_rejections_total{reason="ORIGIN_NOT_ALLOWED"} 1');
    expect(text).toContain('learning_port_graphql_rejections_total{reason="UNAUTHENTICATED"} 1');
    expect(text).toMatch(
      /learning_port_graphql_request_duration_seconds_bucket\{le="0.1",operation_type="query",outcome="success"\} \d+/,
    );
    // Raw header values never become labels.
    expect(text).not.toContain('sxlp_key_');
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  const token = 'metrics-secret-0123456789';
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ env: { METRICS_TOKEN: token } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('requires the bearer token, even from loopback', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const ok = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('learning_port_graphql_requests_total');
  });
});
