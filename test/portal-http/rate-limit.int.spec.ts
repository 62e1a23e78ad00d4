import { Types } from 'mongoose';
import { makeTree, makeUserWithToken } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { FakeClock, aliasQuery, issueKey, post } from './portal-http.helpers';

/**
 * Distinct capacities per kind, so `RateLimit-Limit` shows which bucket a
 * request drew from. The clock is frozen: nothing refills unless a test moves it.
 */
const ENV = {
  RATE_LIMIT_KEY_CAPACITY: '6000',
  RATE_LIMIT_KEY_REFILL_PER_SECOND: '100',
  RATE_LIMIT_USER_CAPACITY: '7000',
  RATE_LIMIT_IP_CAPACITY: '5000',
  RATE_LIMIT_IP_REFILL_PER_SECOND: '10',
};

/** Cost 1 + 100 × (1 + (1 + 45 × 1)) = 4 701 (scalars are free): most of a bucket in one request. */
const EXPENSIVE = `{ orgUnits(first: 100) { nodes { children(first: 45) { nodes { code } } } } }`;

describe('rate limits by query cost, per key / user / IP', () => {
  let t: TestHub;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  const clock = new FakeClock();
  beforeAll(async () => {
    t = await startTestHub({
      env: ENV,
      beforeListen: async (c) => {
        c.clock = clock;
      },
    });
    tree = await makeTree(t.container);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const remaining = (res: { headers: Headers }) => Number(res.headers.get('ratelimit-remaining'));

  it('sends RateLimit-Limit/Remaining/Reset on every GraphQL answer, errors included', async () => {
    const { secret } = await issueKey(t.container, tree.cityA);
    const ok = await post(t.url, { query: '{ viewer { kind } }' }, { 'x-api-key': secret });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('ratelimit-limit')).toBe('6000');
    expect(ok.headers.get('ratelimit-remaining')).toBe('5999');
    expect(ok.headers.get('ratelimit-reset')).toBe('1');
    const bad = await post(t.url, { query: '{ viewer { ' }, { 'x-api-key': secret });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('ratelimit-remaining')).toBe('5998');
  });

  it('charges aliases: ten aliases drain ten times the tokens of one', async () => {
    const { secret } = await issueKey(t.container, tree.cityA);
    const h = { 'x-api-key': secret };
    const start = remaining(await post(t.url, { query: '{ viewer { kind } }' }, h));
    const one = remaining(await post(t.url, { query: aliasQuery(1, tree.cityA.code) }, h));
    const ten = remaining(await post(t.url, { query: aliasQuery(10, tree.cityA.code) }, h));
    expect(start - one).toBe(1);
    expect(one - ten).toBe(10);
  });

  it('trips at the limit with 429 RATE_LIMITED and Retry-After, and refills with time', async () => {
    const { secret } = await issueKey(t.container, tree.cityB);
    const h = { 'x-api-key': secret };
    const first = await post(t.url, { query: EXPENSIVE }, h);
    expect(first.status).toBe(200);
    expect(remaining(first)).toBe(6000 - 4701);

    const refused = await post(t.url, { query: EXPENSIVE }, h);
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(refused.body.data).toBeUndefined();
    // (4701 - 1299) / 100 per second = 34.02 s, rounded up.
    expect(refused.headers.get('retry-after')).toBe('35');
    expect(refused.headers.get('ratelimit-remaining')).toBe('1299');

    clock.advance(34_000);
    expect((await post(t.url, { query: EXPENSIVE }, h)).status).toBe(429);
    clock.advance(1_000);
    const again = await post(t.url, { query: EXPENSIVE }, h);
    expect(again.status).toBe(200);
    expect(again.body.errors).toBeUndefined();
  });

  it('keeps keys independent: one portal’s empty bucket does not touch another’s', async () => {
    const a = await issueKey(t.container, tree.countyA1);
    const b = await issueKey(t.container, tree.countyA1);
    expect((await post(t.url, { query: EXPENSIVE }, { 'x-api-key': a.secret })).status).toBe(200);
    expect((await post(t.url, { query: EXPENSIVE }, { 'x-api-key': a.secret })).status).toBe(429);
    const other = await post(t.url, { query: EXPENSIVE }, { 'x-api-key': b.secret });
    expect(other.status).toBe(200);
    expect(remaining(other)).toBe(6000 - 4701);
  });

  it('gives signed-in users a bucket per person and anonymous callers one per IP', async () => {
    const { token } = await makeUserWithToken(t.container, tree.cityA, ['MEMBER']);
    const asUser = await post(
      t.url,
      { query: '{ viewer { kind } }' },
      { authorization: `Bearer ${token}` },
    );
    expect(asUser.headers.get('ratelimit-limit')).toBe('7000');
    const anonymous = await post(t.url, { query: '{ viewer { kind } }' });
    expect(anonymous.headers.get('ratelimit-limit')).toBe('5000');
    expect(remaining(anonymous)).toBeLessThan(5000);
  });

  it('fails a revoked key at once, whatever its bucket holds', async () => {
    const { id, secret } = await issueKey(t.container, tree.cityB);
    expect(
      (await post(t.url, { query: '{ viewer { kind } }' }, { 'x-api-key': secret })).status,
    ).toBe(200);
    await t.container.services.credentials.revoke('system', new Types.ObjectId(id));
    const res = await post(t.url, { query: '{ viewer { kind } }' }, { 'x-api-key': secret });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('charges a batch-free flood of rejected queries too', async () => {
    const { secret } = await issueKey(t.container, tree.countyB1);
    const h = { 'x-api-key': secret };
    const before = remaining(await post(t.url, { query: '{ viewer { kind } }' }, h));
    for (let i = 0; i < 3; i += 1)
      await post(t.url, { query: '{ orgUnits(first: 5000) { totalCount } }' }, h);
    const after = remaining(await post(t.url, { query: '{ viewer { kind } }' }, h));
    expect(before - after).toBe(4);
  });
});
