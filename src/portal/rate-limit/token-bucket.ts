/** A source of the current time in milliseconds; inject a fake one in tests. */
export interface Clock {
  now(): number;
}

/** The system clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** Size and speed of one key's bucket. */
export interface TokenBucketConfig {
  /** Max tokens (burst size); also the `RateLimit-Limit`. */
  capacity: number;
  /** Tokens added per second, continuously. */
  refillPerSecond: number;
}

/** Persisted state of a bucket. */
export interface BucketState {
  tokens: number;
  /** When `tokens` was computed, ms since the epoch. */
  updatedAt: number;
}

/** Outcome of one consume attempt, everything the HTTP headers need. */
export interface RateLimitResult {
  allowed: boolean;
  /** The bucket capacity. */
  limit: number;
  /** Tokens left after this request (whole tokens, rounded down). */
  remaining: number;
  /** The cost that was (or would have been) charged. */
  cost: number;
  /** When the bucket will be full again, ms since the epoch. */
  resetAt: number;
  /** Seconds until the bucket is full again (rounded up). */
  resetSeconds: number;
  /** Seconds until this cost could be paid (0 when allowed, rounded up). */
  retryAfterSeconds: number;
  /**
   * Why a request was refused: `empty` (not enough tokens yet),
   * `over-capacity` (the cost exceeds the bucket, waiting never helps),
   * `contention` (the store gave up after losing too many races).
   */
  reason?: 'empty' | 'over-capacity' | 'contention';
}

/**
 * Tokens in the bucket at `now`: the stored amount plus the refill since
 * `updatedAt`, capped at capacity. A clock that is behind the stored time
 * (another hub process with a skewed clock wrote it) adds nothing rather
 * than removing tokens.
 */
export function refill(
  state: BucketState | undefined,
  config: TokenBucketConfig,
  now: number,
): BucketState {
  if (!state) return { tokens: config.capacity, updatedAt: now };
  const elapsedSeconds = Math.max(0, now - state.updatedAt) / 1000;
  const tokens = Math.min(config.capacity, state.tokens + elapsedSeconds * config.refillPerSecond);
  return { tokens, updatedAt: Math.max(now, state.updatedAt) };
}

/**
 * Pure token-bucket step: refills, then takes `cost` tokens if there are
 * enough. Returns the new state (unchanged apart from the refill when the
 * request is refused, so a refusal need not be written back) and the result.
 */
export function consumeTokens(
  state: BucketState | undefined,
  cost: number,
  config: TokenBucketConfig,
  now: number,
): { state: BucketState; result: RateLimitResult } {
  if (!(cost >= 0) || !Number.isFinite(cost)) throw new RangeError(`invalid cost ${cost}`);
  if (!(config.capacity > 0) || !(config.refillPerSecond > 0)) {
    throw new RangeError('token bucket capacity and refillPerSecond must be positive');
  }
  const current = refill(state, config, now);
  // Float noise from fractional refills must not refuse a request that is due.
  const epsilon = 1e-9;
  const allowed = cost <= current.tokens + epsilon;
  const next = allowed
    ? { tokens: Math.max(0, current.tokens - cost), updatedAt: current.updatedAt }
    : current;

  const msUntil = (tokensNeeded: number) =>
    Math.max(0, ((tokensNeeded - next.tokens) / config.refillPerSecond) * 1000);
  const resetMs = msUntil(config.capacity);
  let reason: RateLimitResult['reason'];
  let retryMs = 0;
  if (!allowed) {
    reason = cost > config.capacity ? 'over-capacity' : 'empty';
    // Waiting never makes an over-capacity request pass; point at a full bucket anyway.
    retryMs = msUntil(Math.min(cost, config.capacity));
  }
  return {
    state: next,
    result: {
      allowed,
      limit: config.capacity,
      remaining: Math.floor(next.tokens + epsilon),
      cost,
      resetAt: next.updatedAt + resetMs,
      resetSeconds: Math.ceil(resetMs / 1000),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(retryMs / 1000)),
      ...(reason ? { reason } : {}),
    },
  };
}

/** A place that keeps buckets by key and consumes from them atomically. */
export interface BucketStore {
  consume(key: string, cost: number, config: TokenBucketConfig): Promise<RateLimitResult>;
}

/**
 * In-process store for a single hub process and for tests. Node runs the
 * read-compute-write without interleaving, so no locking is needed.
 */
export class MemoryBucketStore implements BucketStore {
  private readonly buckets = new Map<string, BucketState>();

  constructor(private readonly clock: Clock = systemClock) {}

  async consume(key: string, cost: number, config: TokenBucketConfig): Promise<RateLimitResult> {
    const { state, result } = consumeTokens(this.buckets.get(key), cost, config, this.clock.now());
    if (result.allowed) this.buckets.set(key, state);
    return result;
  }
}
