import { RATE_LIMIT_COLLECTION } from '../../src/portal/rate-limit/mongo-bucket.store';
import { nativeDb } from '../../src/portal/persisted/native-db';
import { makeTree, makeUserWithToken, resourceInput } from '../helpers/factories';
import { catalogueOps } from '../helpers/catalogue-ops';
import { startTestHub, type TestHub } from '../helpers/test-hub';

const DAY = 86_400_000;

describe('housekeeping sweep (no TTL indexes on FerretDB: sweep by time)', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ env: { HOUSEKEEPING_INTERVAL_SECONDS: '0' } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('forgets old idempotency keys and idle rate buckets, keeps recent ones, and limits keep working after', async () => {
    const tree = await makeTree(t.container);
    const { token } = await makeUserWithToken(t.container, tree.countyA1, ['AUTHOR']);
    const ops = catalogueOps(t);
    const input = resourceInput({ idempotencyKey: 'housekeeping-recent-1' });
    await ops.create(input, token);
    const m = t.container.models;
    await m.Idempotency.create({
      _id: 'someone:old-key-0001',
      resultId: tree.province._id,
      requestHash: 'x',
      createdAt: new Date(Date.now() - 8 * DAY),
    });

    const db = nativeDb(m.connection);
    const buckets = db.collection<{ _id: string; tokens: number; updatedAt: Date; v: number }>(
      RATE_LIMIT_COLLECTION,
    );
    const claims = db.collection<{ _id: string; createdAt: Date }>(
      `${RATE_LIMIT_COLLECTION}_claims`,
    );
    await buckets.insertOne({
      _id: 'ip:198.51.100.7',
      tokens: 3,
      updatedAt: new Date(Date.now() - 2 * DAY),
      v: 5,
    });
    await claims.insertOne({ _id: 'ip:198.51.100.7#5', createdAt: new Date(Date.now() - 2 * DAY) });
    const recentBuckets = await buckets.countDocuments({
      updatedAt: { $gte: new Date(Date.now() - DAY) },
    });
    expect(recentBuckets).toBeGreaterThan(0); // the requests above charged a live bucket

    const report = await t.container.services.housekeeping.sweep(new Date());
    expect(report).toEqual({ idempotencyKeys: 1, rateBuckets: 1, rateClaims: 1 });
    expect(await m.Idempotency.countDocuments({ _id: 'someone:old-key-0001' })).toBe(0);
    expect(await m.Idempotency.countDocuments()).toBe(1);
    expect(await buckets.countDocuments({ _id: 'ip:198.51.100.7' })).toBe(0);
    expect(await buckets.countDocuments()).toBe(recentBuckets);

    // The idempotent retry still finds its resource, and requests are still charged.
    const retry = await ops.create(input, token);
    expect(retry.userErrors).toEqual([]);
    const res = await t.gql('{ viewer { kind } }', {}, { token });
    expect(res.headers.get('ratelimit-remaining')).not.toBeNull();
  });
});
