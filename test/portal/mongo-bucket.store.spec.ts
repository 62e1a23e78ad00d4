import { randomBytes } from 'node:crypto';
import { Collection, Db, MongoClient } from 'mongodb';
import { BucketDocument, MongoBucketStore } from '../../src/portal/rate-limit/mongo-bucket.store';
import { Clock } from '../../src/portal/rate-limit/token-bucket';
import { readTestServices } from '../setup/test-services';

const uri = process.env.MONGODB_URI ?? readTestServices()?.mongodbUri;
// Runs against the FerretDB started by the global setup; skipped only in
// HUB_TEST_NO_SERVICES=1 runs, which start no database.
const describeDb = uri ? describe : describe.skip;

function manualClock(start = 1_700_000_000_000): Clock & { advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

describeDb('MongoBucketStore (FerretDB)', () => {
  let client: MongoClient;
  let db: Db;
  let collection: Collection<BucketDocument>;
  const config = { capacity: 10, refillPerSecond: 1 };
  let keySeq = 0;
  const freshKey = () => `apikey:test-${(keySeq += 1)}`;

  beforeAll(async () => {
    client = new MongoClient(uri!);
    await client.connect();
    db = client.db(`test_portal_rate_${randomBytes(4).toString('hex')}`);
    collection = new MongoBucketStore(db).buckets;
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
  });

  it('trips at the limit and refills with the injected clock', async () => {
    const clock = manualClock();
    const store = new MongoBucketStore(db, { clock });
    const key = freshKey();
    expect(await store.consume(key, 4, config)).toMatchObject({ allowed: true, remaining: 6 });
    expect(await store.consume(key, 6, config)).toMatchObject({ allowed: true, remaining: 0 });
    const refused = await store.consume(key, 1, config);
    expect(refused).toMatchObject({ allowed: false, reason: 'empty', retryAfterSeconds: 1 });

    clock.advance(3_000);
    expect(await store.consume(key, 3, config)).toMatchObject({ allowed: true, remaining: 0 });
    expect((await store.consume(key, 1, config)).allowed).toBe(false);

    const doc = await collection.findOne({ _id: key });
    expect(doc).toMatchObject({ tokens: 0, v: 3 });
    // Each write drops the previous claim: only the current one is left.
    expect(await store.claims.find({}).toArray()).toEqual([
      expect.objectContaining({ _id: `${key}#3` }),
    ]);
    expect(doc!.updatedAt).toBeInstanceOf(Date);
    expect(doc!.updatedAt.getTime()).toBe(clock.now());
  });

  it('writes nothing for a refusal and nothing for an over-capacity first request', async () => {
    const store = new MongoBucketStore(db, { clock: manualClock() });
    const key = freshKey();
    expect((await store.consume(key, 11, config)).reason).toBe('over-capacity');
    expect(await collection.findOne({ _id: key })).toBeNull();
  });

  it('keeps keys independent', async () => {
    const store = new MongoBucketStore(db, { clock: manualClock() });
    const [a, b] = [freshKey(), freshKey()];
    expect((await store.consume(a, 10, config)).allowed).toBe(true);
    expect((await store.consume(a, 1, config)).allowed).toBe(false);
    expect(await store.consume(b, 1, config)).toMatchObject({ allowed: true, remaining: 9 });
  });

  it('allows exactly capacity out of 20 parallel consumers on a new key', async () => {
    // Three stores stand in for three hub processes sharing the database; several
    // rounds because a lost-update bug only shows when the interleaving is unlucky.
    const clock = manualClock();
    const stores = [0, 1, 2].map(() => new MongoBucketStore(db, { clock }));
    for (let round = 0; round < 3; round += 1) {
      const key = freshKey();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => stores[i % 3].consume(key, 1, config)),
      );
      expect(results.filter((r) => r.allowed)).toHaveLength(10);
      expect(results.filter((r) => !r.allowed).every((r) => r.reason === 'empty')).toBe(true);
      expect(await collection.findOne({ _id: key })).toMatchObject({ tokens: 0, v: 10 });
    }
  });

  it('allows exactly what is left to parallel consumers on an existing bucket', async () => {
    const clock = manualClock();
    const store = new MongoBucketStore(db, { clock });
    const key = freshKey();
    await store.consume(key, 7, config); // 3 left
    const results = await Promise.all(
      Array.from({ length: 12 }, () => store.consume(key, 1, config)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });

  it('gives up as `contention` while another writer holds the claim', async () => {
    const clock = manualClock();
    const store = new MongoBucketStore(db, { clock, maxAttempts: 3, backoffMs: 1 });
    const key = freshKey();
    await store.consume(key, 1, config); // v = 1
    // A rival that claimed version 2 and has not written yet.
    await store.claims.insertOne({ _id: `${key}#2`, createdAt: new Date(clock.now()) });
    expect(await store.consume(key, 1, config)).toMatchObject({
      allowed: false,
      reason: 'contention',
      retryAfterSeconds: 1,
    });
    expect(await collection.findOne({ _id: key })).toMatchObject({ v: 1, tokens: 9 });
  });

  it('expires the claim of a writer that died, so the key does not stay blocked', async () => {
    const clock = manualClock();
    const store = new MongoBucketStore(db, { clock, claimLeaseMs: 5_000, backoffMs: 1 });
    const key = freshKey();
    await store.consume(key, 1, config);
    await store.claims.insertOne({ _id: `${key}#2`, createdAt: new Date(clock.now()) });
    clock.advance(6_000);
    expect(await store.consume(key, 1, config)).toMatchObject({ allowed: true, remaining: 9 });
    expect(await collection.findOne({ _id: key })).toMatchObject({ v: 2 });
  });

  it('reset forgets the bucket', async () => {
    const store = new MongoBucketStore(db, { clock: manualClock() });
    const key = freshKey();
    await store.consume(key, 10, config);
    await store.reset(key);
    expect(await store.consume(key, 10, config)).toMatchObject({ allowed: true, remaining: 0 });
  });
});
