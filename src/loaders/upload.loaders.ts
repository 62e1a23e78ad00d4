import { byIdLoader } from './by-id-loader';
import type { AssetRepository } from '../models/asset/asset.repository';
import type { IngestJobRepository } from '../models/asset/ingest-job.repository';
import type { UploadRepository } from '../models/asset/upload.repository';

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
    asset: byIdLoader((ids) => repos.assets.findByIds(ids)),
    coursewarePackage: byIdLoader((ids) => repos.assets.findPackagesByIds(ids)),
    /** Which content a resource has, by resource id. */
    resourceContent: byIdLoader((ids) => repos.assets.resourceContents(ids)),
    ingestJob: byIdLoader((ids) => repos.ingestJobs.findByIds(ids)),
    upload: byIdLoader((ids) => repos.uploads.findByIds(ids)),
  };
}
