/**
 * DataLoader options shared by every loader. Batches are dispatched on
 * `setImmediate` rather than the default `process.nextTick`: resolvers of one
 * page reach a relation through different numbers of awaits, and waiting for
 * the microtask queue to drain lets all of them join one batch, so the number
 * of database commands per request depends on the relation depth only, never
 * on how the page's promises happened to interleave.
 */
export const BATCH_OPTIONS = {
  batchScheduleFn: (callback: () => void) => setImmediate(callback),
  // Large enough that one relation level is one query for any page: at most 100 items,
  // each with bounded relations (a series holds at most 500 episodes), so a batch stays
  // far below MongoDB's 16 MiB command size even at this cap (about 1.3 MiB of ids).
  maxBatchSize: 50_000,
};
