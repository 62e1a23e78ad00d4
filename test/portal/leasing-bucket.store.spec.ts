import { LeasingBucketStore } from '../../src/portal/rate-limit/leasing-bucket.store';
import {
  MemoryBucketStore,
  type BucketStore,
  type TokenBucketConfig,
} from '../../src/portal/rate-limit/token-bucket';

class CountingStore implements BucketStore {
  calls = 0;
  charged = 0;
  constructor(private readonly inner: BucketStore) {}
  async consume(key: string, cost: number, config: TokenBucketConfig) {
    this.calls++;
    const r = await this.inner.consume(key, cost, config);
    if (r.allowed) this.charged += cost;
    return r;
  }
}

function setup(capacity = 10_000, refillPerSecond = 10) {
  let now = 1_000_000;
  const clock = { now: () => now };
  const shared = new CountingStore(new MemoryBucketStore(clock));
  const store = new LeasingBucketStore(shared, clock);
  return {
    store,
    shared,
    config: { capacity, refillPerSecond },
    advance: (ms: number) => (now += ms),
  };
}

describe('LeasingBucketStore', () => {
  it('a busy key costs a few shared round trips, not one per request', async () => {
    const { store, shared, config } = setup();
    for (let i = 0; i < 500; i++) expect((await store.consume('k', 1, config)).allowed).toBe(true);
    expect(shared.calls).toBeLessThan(40);
  });

  it('never allows more than the budget, even with many concurrent requests', async () => {
    const { store, config } = setup(100, 0.000001);
    const results = await Promise.all(
      Array.from({ length: 300 }, () => store.consume('k', 1, config)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(100);
    const refused = results.find((r) => !r.allowed)!;
    expect(refused.reason).toBe('empty');
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('reports the true remaining tokens (shared plus what this process holds)', async () => {
    const { store, config } = setup(1000, 0.000001);
    let last = 0;
    for (let i = 0; i < 50; i++) last = (await store.consume('k', 3, config)).remaining;
    expect(last).toBe(1000 - 150);
  });

  it('a quiet key leases exactly what it spends, so slow clients are never overcharged', async () => {
    const { store, shared, config, advance } = setup();
    for (let i = 0; i < 5; i++) {
      await store.consume('k', 2, config);
      advance(5_000);
    }
    expect(shared.charged).toBe(10);
  });

  it('keeps keys independent', async () => {
    const { store, config } = setup(5, 0.000001);
    for (let i = 0; i < 5; i++) expect((await store.consume('a', 1, config)).allowed).toBe(true);
    expect((await store.consume('a', 1, config)).allowed).toBe(false);
    expect((await store.consume('b', 1, config)).allowed).toBe(true);
  });

  it('refills through the shared bucket as time passes (injected clock)', async () => {
    const { store, config, advance } = setup(4, 1);
    for (let i = 0; i < 4; i++) await store.consume('k', 1, config);
    expect((await store.consume('k', 1, config)).allowed).toBe(false);
    advance(2_000);
    expect((await store.consume('k', 1, config)).allowed).toBe(true);
    expect((await store.consume('k', 1, config)).allowed).toBe(true);
    expect((await store.consume('k', 1, config)).allowed).toBe(false);
  });
});
