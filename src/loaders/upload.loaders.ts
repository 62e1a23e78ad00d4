import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { BATCH_OPTIONS } from './batch-schedule';
import type { AssetDoc } from '../models/asset/asset.model';
import type { AssetRepository } from '../models/asset/asset.repository';
import type { IngestJobDoc } from '../models/asset/ingest-job.model';
import type { IngestJobRepository } from '../models/asset/ingest-job.repository';
import type { PackageDoc, ResourceContentDoc } from '../models/asset/package.model';
import type { UploadDoc } from '../models/asset/upload.model';
import type { UploadRepository } from '../models/asset/upload.repository';

const byHex = <T extends { _id: Types.ObjectId }>(ids: readonly string[], rows: T[]) => {
  const map = new Map(rows.map((r) => [r._id.toHexString(), r]));
  return ids.map((id) => map.get(id) ?? null);
};
const oids = (ids: readonly string[]) => ids.map((id) => new Types.ObjectId(id));

/**
 * Upload-domain loaders by hex id: one query per batch, results in key
 * order, null for misses. They return raw documents; resolvers reach them
 * only through something the viewer may already see (a visible resource, an
 * upload or job of their unit line).
 */
export function createUploadLoaders(repos: {
  uploads: UploadRepository;
  assets: AssetRepository;
  ingestJobs: IngestJobRepository;
}) {
  return {
    asset: new DataLoader<string, AssetDoc | null>(
      async (ids) => byHex(ids, await repos.assets.findByIds(oids(ids))),
      BATCH_OPTIONS,
    ),
    coursewarePackage: new DataLoader<string, PackageDoc | null>(
      async (ids) => byHex(ids, await repos.assets.findPackagesByIds(oids(ids))),
      BATCH_OPTIONS,
    ),
    /** Which content a resource has, by resource id. */
    resourceContent: new DataLoader<string, ResourceContentDoc | null>(
      async (ids) => byHex(ids, await repos.assets.resourceContents(oids(ids))),
      BATCH_OPTIONS,
    ),
    ingestJob: new DataLoader<string, IngestJobDoc | null>(
      async (ids) => byHex(ids, await repos.ingestJobs.findByIds(oids(ids))),
      BATCH_OPTIONS,
    ),
    upload: new DataLoader<string, UploadDoc | null>(
      async (ids) => byHex(ids, await repos.uploads.findByIds(oids(ids))),
      BATCH_OPTIONS,
    ),
  };
}
