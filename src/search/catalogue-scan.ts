import type { Types } from 'mongoose';
import type { ResourceDoc } from '../models/catalogue/resource.model';
import type { SeriesDoc } from '../models/catalogue/series.model';
import type { Models } from '../models/models';

/**
 * Reads every resource and series in `_id` order, one batch at a time, for
 * the reconciler and `reindex`. Keyset paging on `_id` (not skip) keeps each
 * batch one indexed range query however far in it is, and items written
 * during the scan are either seen or caught by the search sync. Reads only.
 */
export class CatalogueScan {
  constructor(private readonly models: Pick<Models, 'Resource' | 'Series'>) {}

  async count(): Promise<{ resources: number; series: number }> {
    const [resources, series] = await Promise.all([
      this.models.Resource.estimatedDocumentCount().exec(),
      this.models.Series.estimatedDocumentCount().exec(),
    ]);
    return { resources, series };
  }

  resources(batchSize: number): AsyncGenerator<ResourceDoc[]> {
    return pages((after) =>
      this.models.Resource.find(after ? { _id: { $gt: after } } : {})
        .sort({ _id: 1 })
        .limit(batchSize)
        .lean<ResourceDoc[]>()
        .exec(),
    );
  }

  series(batchSize: number): AsyncGenerator<SeriesDoc[]> {
    return pages((after) =>
      this.models.Series.find(after ? { _id: { $gt: after } } : {})
        .sort({ _id: 1 })
        .limit(batchSize)
        .lean<SeriesDoc[]>()
        .exec(),
    );
  }

  /** Which of these ids still exist (to tell orphaned index entries from items created meanwhile). */
  async existing(ids: {
    resources: Types.ObjectId[];
    series: Types.ObjectId[];
  }): Promise<Set<string>> {
    const [resources, series] = await Promise.all([
      ids.resources.length
        ? this.models.Resource.find({ _id: { $in: ids.resources } }, { _id: 1 })
            .lean()
            .exec()
        : [],
      ids.series.length
        ? this.models.Series.find({ _id: { $in: ids.series } }, { _id: 1 })
            .lean()
            .exec()
        : [],
    ]);
    return new Set([...resources, ...series].map((d) => String(d._id)));
  }
}

async function* pages<T extends { _id: Types.ObjectId }>(
  fetch: (after: Types.ObjectId | undefined) => Promise<T[]>,
): AsyncGenerator<T[]> {
  let after: Types.ObjectId | undefined;
  for (;;) {
    const batch = await fetch(after);
    if (batch.length === 0) return;
    yield batch;
    after = batch[batch.length - 1]._id;
  }
}
