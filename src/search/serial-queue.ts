/**
 * Runs tasks one at a time, in call order. The search sync and the reconciler
 * share one, so that "build documents from MongoDB, then write them to the
 * engine" never interleaves: a document built earlier can never overwrite one
 * built later from newer catalogue state.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
