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
  maxBatchSize: 1000,
};
