import {
  systemClock,
  type BucketStore,
  type Clock,
  type RateLimitResult,
  type TokenBucketConfig,
} from './token-bucket';

/** Lease sizes double while a key stays busy, up to this share of its capacity. */
const MAX_LEASE_SHARE = 0.02;
/** A key is "busy" when its previous lease was taken less than this long ago. */
const BUSY_WINDOW_MS = 1_000;
/** Keys remembered per process; the least recently used are forgotten first. */
const MAX_KEYS = 10_000;

interface Lease {
  /** Tokens taken from the shared bucket and not yet spent by this process. */
  tokens: number;
  /** Size of the last lease; doubles while busy. */
  size: number;
  lastLeaseAt: number;
  /** The shared bucket's answer to the last lease, for headers. */
  shared: RateLimitResult;
}

/**
 * Takes tokens from a shared store (MongoDB, for several hub processes) in
 * leases and spends them locally, so a busy key costs one shared round trip
 * per lease instead of per request. Measured on FerretDB, a shared charge is
 * four commands and serialises every request of one key behind a claim.
 *
 * Leases start at the request's own cost and double while the key keeps
 * asking within a second, up to 2% of its capacity; a quiet key therefore
 * pays exactly what it spends. Leased tokens are already gone from the shared
 * bucket, so no process can ever spend more than the budget: the price of
 * leasing is that another process may be refused a little early (by at most
 * one lease per process), never that anyone is allowed too much.
 */
export class LeasingBucketStore implements BucketStore {
  private readonly leases = new Map<string, Lease>();
  private readonly inflight = new Map<string, Promise<void>>();

  constructor(
    private readonly shared: BucketStore,
    private readonly clock: Clock = systemClock,
  ) {}

  async consume(key: string, cost: number, config: TokenBucketConfig): Promise<RateLimitResult> {
    for (;;) {
      const lease = this.leases.get(key);
      if (lease && lease.tokens >= cost) {
        lease.tokens -= cost;
        this.touch(key, lease);
        return this.localResult(lease, cost, config);
      }
      const pending = this.inflight.get(key);
      if (pending) {
        // Another request of this key is fetching a lease; share it.
        await pending;
        continue;
      }
      let refused: RateLimitResult | undefined;
      const fetching = this.lease(key, cost, config).then((r) => {
        refused = r;
      });
      this.inflight.set(key, fetching);
      try {
        await fetching;
      } finally {
        this.inflight.delete(key);
      }
      if (refused) return refused;
    }
  }

  /** Fetches a lease; resolves with the refusal when the shared bucket cannot pay even `cost`. */
  private async lease(
    key: string,
    cost: number,
    config: TokenBucketConfig,
  ): Promise<RateLimitResult | undefined> {
    const now = this.clock.now();
    const previous = this.leases.get(key);
    const left = previous?.tokens ?? 0;
    const need = cost - left;
    const busy = previous !== undefined && now - previous.lastLeaseAt < BUSY_WINDOW_MS;
    const max = Math.max(need, Math.floor(config.capacity * MAX_LEASE_SHARE));
    const size = busy ? Math.min(max, Math.max(need, previous.size * 2)) : need;

    let result = await this.shared.consume(key, size, config);
    if (!result.allowed && size > need) result = await this.shared.consume(key, need, config);
    if (!result.allowed) {
      // What this process still holds counts as remaining for the caller.
      return { ...result, remaining: result.remaining + left, cost };
    }
    this.touch(key, {
      tokens: left + result.cost,
      size: result.cost,
      lastLeaseAt: now,
      shared: result,
    });
    return undefined;
  }

  private localResult(lease: Lease, cost: number, config: TokenBucketConfig): RateLimitResult {
    return {
      allowed: true,
      limit: config.capacity,
      remaining: Math.floor(lease.shared.remaining + lease.tokens),
      cost,
      resetAt: lease.shared.resetAt,
      resetSeconds: lease.shared.resetSeconds,
      retryAfterSeconds: 0,
    };
  }

  /** Re-inserts the key as most recently used, forgetting the oldest beyond MAX_KEYS. */
  private touch(key: string, lease: Lease): void {
    this.leases.delete(key);
    this.leases.set(key, lease);
    if (this.leases.size > MAX_KEYS) {
      const oldest = this.leases.keys().next().value;
      if (oldest !== undefined) this.leases.delete(oldest);
    }
  }
}
