/** Latency figures in milliseconds, from raw samples. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array (0 for an empty one). */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.length ? sum / sorted.length : 0),
    max: round(sorted[sorted.length - 1] ?? 0),
  };
}

/** Rounds to 3 significant digits (2 decimals at most): enough for noisy figures. */
export function round(n: number): number {
  if (!Number.isFinite(n)) return n;
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** `a / b` to 3 significant digits, or null when the baseline is 0 (no ratio to speak of). */
export function ratio(a: number, b: number): number | null {
  if (!(b > 0)) return null;
  const r = a / b;
  return r >= 100 ? Math.round(r) : Number(r.toPrecision(3));
}

export const fmtRatio = (r: number | null): string => (r === null ? '–' : `${r}×`);
export const fmtLatency = (s: LatencySummary): string =>
  s.count ? `${s.p50} / ${s.p95} / ${s.p99}` : '– (no samples)';
export const mib = (bytes: number): number => round(bytes / 1048576);
