import type { Connection, Model } from 'mongoose';
import { assetSchema, type AssetDoc } from './asset.model';
import {
  ingestClaimSchema,
  ingestJobSchema,
  type IngestClaimDoc,
  type IngestJobDoc,
} from './ingest-job.model';
import {
  packageSchema,
  resourceContentSchema,
  type PackageDoc,
  type ResourceContentDoc,
} from './package.model';
import { uploadPartSchema, uploadSchema, type UploadDoc, type UploadPartDoc } from './upload.model';

/**
 * The upload and ingestion collections, registered on the hub's connection.
 * Kept apart from `models/models.ts` so this domain's wiring is one line in
 * the container.
 */
export interface AssetModels {
  Upload: Model<UploadDoc>;
  UploadPart: Model<UploadPartDoc>;
  Asset: Model<AssetDoc>;
  Package: Model<PackageDoc>;
  ResourceContent: Model<ResourceContentDoc>;
  IngestJob: Model<IngestJobDoc>;
  IngestClaim: Model<IngestClaimDoc>;
}

export function createAssetModels(connection: Connection): AssetModels {
  const model = <T>(name: string, schema: import('mongoose').Schema<T>): Model<T> =>
    (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
  return {
    Upload: model('Upload', uploadSchema),
    UploadPart: model('UploadPart', uploadPartSchema),
    Asset: model('Asset', assetSchema),
    Package: model('Package', packageSchema),
    ResourceContent: model('ResourceContent', resourceContentSchema),
    IngestJob: model('IngestJob', ingestJobSchema),
    IngestClaim: model('IngestClaim', ingestClaimSchema),
  };
}

/** Creates the collections and indexes; the unique ones carry dedupe and idempotency. */
export async function syncAssetIndexes(models: AssetModels): Promise<void> {
  for (const m of Object.values(models) as Array<Model<unknown>>) {
    await m.createCollection().catch(() => undefined);
    await m.createIndexes();
  }
}
