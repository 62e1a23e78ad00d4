import {
  Clock,
  MemoryBucketStore,
  consumeTokens,
  refill,
} from '../../src/portal/rate-limit/token-bucket';

/** A clock the test moves by hand: nothing here ever sleeps. */
function manualClock(start = 1_700_000_000_000): Clock & { advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

const config = { capacity: 10, refillPerSecond: 2 };

describe('consumeTokens', () => {
  it('starts full and takes the cost', () => {
    const { state, result } = consumeTokens(undefined, 3, config, 1_000);
    expect(state).toEqual({ tokens: 7, updatedAt: 1_000 });
    expect(result).toMatchObject({ allowed: true, limit: 10, remaining: 7, cost: 3 });
    expect(result.retryAfterSeconds).toBe(0);
    // 3 tokens at 2/s: full again 1.5 s later
    expect(result.resetAt).toBe(2_500);
    expect(result.resetSeconds).toBe(2);
  });

  it('refuses when empty, leaves the tokens alone and says when to retry', () => {
    const empty = { tokens: 0.5, updatedAt: 0 };
    const { state, result } = consumeTokens(empty, 3, config, 0);
    expect(state).toEqual(empty);
    expect(result).toMatchObject({ allowed: false, remaining: 0, reason: 'empty' });
    expect(result.retryAfterSeconds).toBe(2); // 2.5 tokens missing at 2/s = 1.25 s → 2
    expect(result.resetSeconds).toBe(5); // 9.5 tokens to full = 4.75 s → 5
  });

  it('refills continuously and caps at capacity', () => {
    expect(refill({ tokens: 1, updatedAt: 0 }, config, 1_500)).toEqual({
      tokens: 4,
      updatedAt: 1_500,
    });
    expect(refill({ tokens: 1, updatedAt: 0 }, config, 3_600_000).tokens).toBe(10);
  });

  it('never removes tokens when the clock is behind the stored time', () => {
    expect(refill({ tokens: 4, updatedAt: 5_000 }, config, 1_000)).toEqual({
      tokens: 4,
      updatedAt: 5_000,
    });
  });

  it('marks a cost above capacity as over-capacity', () => {
    const { result } = consumeTokens(undefined, 11, config, 0);
    expect(result).toMatchObject({ allowed: false, reason: 'over-capacity', remaining: 10 });
    expect(result.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('accepts a cost of 0 and rejects nonsense input', () => {
    expect(consumeTokens({ tokens: 0, updatedAt: 0 }, 0, config, 0).result.allowed).toBe(true);
    expect(() => consumeTokens(undefined, -1, config, 0)).toThrow(RangeError);
    expect(() => consumeTokens(undefined, NaN, config, 0)).toThrow(RangeError);
    expect(() => consumeTokens(undefined, 1, { capacity: 0, refillPerSecond: 1 }, 0)).toThrow(
      RangeError,
    );
  });
});

describe('MemoryBucketStore', () => {
  it('trips at the limit and refills with time', async () => {
    const clock = manualClock();
    const store = new MemoryBucketStore(clock);
    for (let i = 0; i < 10; i += 1) {
      expect((await store.consume('k', 1, config)).allowed).toBe(true);
    }
    const refused = await store.consume('k', 1, config);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 1 });

    clock.advance(499); // 0.998 tokens
    expect((await store.consume('k', 1, config)).allowed).toBe(false);
    clock.advance(1); // exactly 1 token
    expect(await store.consume('k', 1, config)).toMatchObject({ allowed: true, remaining: 0 });

    clock.advance(60_000);
    expect(await store.consume('k', 4, config)).toMatchObject({ allowed: true, remaining: 6 });
  });

  it('keeps keys independent', async () => {
    const store = new MemoryBucketStore(manualClock());
    expect((await store.consume('a', 10, config)).allowed).toBe(true);
    expect((await store.consume('a', 1, config)).allowed).toBe(false);
    expect(await store.consume('b', 1, config)).toMatchObject({ allowed: true, remaining: 9 });
  });
});
