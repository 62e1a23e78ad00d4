import DataLoader from 'dataloader';
import { BATCH_OPTIONS } from './batch-schedule';
import { byIdLoader } from './by-id-loader';
import { Types } from 'mongoose';
import type { AdoptionDoc } from '../models/catalogue/adoption.model';
import type { AdoptionRepository } from '../models/catalogue/adoption.repository';
import type { ResourceRepository } from '../models/catalogue/resource.repository';
import type { SeriesDoc } from '../models/catalogue/series.model';
import type { SeriesRepository } from '../models/catalogue/series.repository';

const oid = (id: string) => new Types.ObjectId(id);

function groupBy<T>(rows: T[], keysOf: (row: T) => string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows)
    for (const key of keysOf(row)) map.set(key, [...(map.get(key) ?? []), row]);
  return map;
}

/**
 * Catalogue loaders: each batch is one query, results in key order, null or
 * [] for misses. They return raw documents; resolvers apply the policy to
 * what they show, so a cached document never bypasses visibility.
 */
export function createCatalogueLoaders(repos: {
  resources: ResourceRepository;
  series: SeriesRepository;
  adoptions: AdoptionRepository;
}) {
  return {
    resource: byIdLoader((ids) => repos.resources.findByIds(ids)),
    series: byIdLoader((ids) => repos.series.findByIds(ids)),
    /** Series containing a resource as an episode. */
    seriesOfResource: new DataLoader<string, SeriesDoc[]>(async (ids) => {
      const rows = await repos.series.containing(ids.map(oid));
      const groups = groupBy(rows, (s) => s.episodeIds.map((e) => e.toHexString()));
      return ids.map((id) => groups.get(id) ?? []);
    }, BATCH_OPTIONS),
    /** Adoptions of an item (resource or series): counts and adopters. */
    adoptionsOfItem: new DataLoader<string, AdoptionDoc[]>(async (ids) => {
      const groups = groupBy(await repos.adoptions.ofItems(ids.map(oid)), (a) => [
        a.itemId.toHexString(),
      ]);
      return ids.map((id) => groups.get(id) ?? []);
    }, BATCH_OPTIONS),
  };
}
