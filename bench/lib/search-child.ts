/**
 * Runs bench/search.bench.ts's export in a fresh process started with
 * --expose-gc (its heap and RSS deltas need a clean, collectable heap), and
 * sends the result back over IPC.
 */
import { runSearchBenchmark } from '../search.bench';

process.once('message', (m: { quick: boolean }) => {
  runSearchBenchmark({ quick: m.quick }).then(
    (result) => process.send?.({ ok: true, result }, undefined, undefined, () => process.exit(0)),
    (err: unknown) =>
      process.send?.({ ok: false, error: String(err) }, undefined, undefined, () =>
        process.exit(1),
      ),
  );
});
