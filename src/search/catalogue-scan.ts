import type { Types } from 'mongoose';
import type { ResourceDoc } from '../models/catalogue/resource.model';
import type { SeriesDoc } from '../models/catalogue/series.model';
import type { Models } from '../models/models';

/**
 * Reads the whole catalogue for the reconciler and `reindex`. Each pass is
 * one query streamed through a cursor in batches: FerretDB pushes neither
 * `_id > x` nor `$in` down to SQLite, so any paged query re-scans the
 * collection (measured: ~4 s per page at 10k resources), while one cursor
 * scans it once. Items written during a pass may be missed; the search sync
 * indexes those. Reads only.
 */
export class CatalogueScan {
  constructor(private readonly models: Pick<Models, 'Resource' | 'Series' | 'Adoption'>) {}

  async count(): Promise<{ resources: number; series: number }> {
    const [resources, series] = await Promise.all([
      this.models.Resource.estimatedDocumentCount().exec(),
      this.models.Series.estimatedDocumentCount().exec(),
    ]);
    return { resources, series };
  }

  resources(batchSize: number): AsyncGenerator<ResourceDoc[]> {
    return inBatches(
      this.models.Resource.find().sort({ _id: 1 }).lean<ResourceDoc[]>().cursor({ batchSize }),
      batchSize,
    );
  }

  /** Every series: far fewer than resources, and each resource's document needs them. */
  allSeries(): Promise<SeriesDoc[]> {
    return this.models.Series.find().sort({ _id: 1 }).lean<SeriesDoc[]>().exec();
  }

  /** Adoptions per item, counted in one pass (FerretDB's `$group` is too limited to count there). */
  async adoptionCounts(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const cursor = this.models.Adoption.find({}, { itemId: 1 })
      .lean<Array<{ itemId: Types.ObjectId }>>()
      .cursor({ batchSize: 2000 });
    for await (const a of cursor) {
      const key = a.itemId.toHexString();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
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

async function* inBatches<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of source) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
