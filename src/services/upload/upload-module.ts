import type { S3Client } from '@aws-sdk/client-s3';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { HubConfig } from '../../config';
import { createAssetModels, syncAssetIndexes } from '../../models/asset/asset-models';
import { AssetRepository } from '../../models/asset/asset.repository';
import { IngestJobRepository } from '../../models/asset/ingest-job.repository';
import { UploadRepository } from '../../models/asset/upload.repository';
import type { OrgUnitRepository } from '../../models/org-unit/org-unit.repository';
import type { UserRepository } from '../../models/user/user.repository';
import type { ResourceService } from '../catalogue/resource.service';
import { ContentStore } from './content-store';
import { IngestService } from './ingest.service';
import { ResourceApplier } from './resource-applier';
import { UploadService } from './upload.service';

export interface UploadRepositories {
  uploads: UploadRepository;
  assets: AssetRepository;
  ingestJobs: IngestJobRepository;
  /** Creates the upload collections' indexes (unique hash, one job per upload…). */
  syncUploadIndexes: () => Promise<void>;
}

export interface UploadServices {
  uploads: UploadService;
  ingest: IngestService;
}

/** The upload domain's repositories, on the hub's connection. */
export function createUploadRepositories(connection: Connection): UploadRepositories {
  const models = createAssetModels(connection);
  return {
    uploads: new UploadRepository(models),
    assets: new AssetRepository(models),
    ingestJobs: new IngestJobRepository(models),
    syncUploadIndexes: () => syncAssetIndexes(models),
  };
}

/**
 * The upload domain's services. The catalogue's ResourceService is passed
 * lazily because the container builds it in the same object literal.
 */
export function createUploadServices(
  infra: { config: HubConfig; log: Logger; s3: S3Client },
  repos: UploadRepositories & { users: UserRepository; orgUnits: OrgUnitRepository },
  resources: () => ResourceService,
): UploadServices {
  const store = new ContentStore(infra.s3, infra.config.s3Bucket);
  const resourcesProxy = {
    get: (...a: Parameters<ResourceService['get']>) => resources().get(...a),
    create: (...a: Parameters<ResourceService['create']>) => resources().create(...a),
    update: (...a: Parameters<ResourceService['update']>) => resources().update(...a),
  } as ResourceService;
  const log = infra.log.child({ component: 'uploads' });
  const uploads = new UploadService(
    repos.uploads,
    repos.ingestJobs,
    repos.orgUnits,
    resourcesProxy,
    store,
    infra.config.uploads,
    log,
  );
  const ingest = new IngestService(
    repos.ingestJobs,
    repos.uploads,
    repos.assets,
    uploads,
    store,
    { applier: new ResourceApplier(resourcesProxy, repos.users, repos.orgUnits) },
    infra.config.uploads,
    log,
  );
  return { uploads, ingest };
}
