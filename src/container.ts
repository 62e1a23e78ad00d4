import type { S3Client } from '@aws-sdk/client-s3';
import type { Logger } from 'pino';
import type { HubConfig } from './config';
import { AdoptionRepository } from './models/catalogue/adoption.repository';
import { ResourceRepository } from './models/catalogue/resource.repository';
import { SeriesRepository } from './models/catalogue/series.repository';
import { AdoptionService } from './services/catalogue/adoption.service';
import { CatalogueEventBus } from './services/catalogue/catalogue-events';
import { HousekeepingService } from './services/housekeeping/housekeeping.service';
import { MyCatalogueService } from './services/catalogue/my-catalogue.service';
import { ResourceService } from './services/catalogue/resource.service';
import { SeriesService } from './services/catalogue/series.service';
import { CredentialRepository } from './models/access-token/credential.repository';
import { pingDatabase } from './models/database';
import type { Models } from './models/models';
import { OrgUnitRepository } from './models/org-unit/org-unit.repository';
import { UserRepository } from './models/user/user.repository';
import type { SearchEngine } from './search/search.port';
import { CatalogueSearchService } from './search/catalogue-search.service';
import { RegionLabels } from './search/region-labels';
import { CredentialService } from './services/identity/credential.service';
import { OrgUnitService } from './services/org-unit/org-unit.service';
import { pingBucket } from './storage/s3-client';
import {
  createUploadRepositories,
  createUploadServices,
  type UploadRepositories,
  type UploadServices,
} from './services/upload/upload-module';
import type { Clock } from './portal/rate-limit/token-bucket';
import {
  MongoKeyValueCache,
  nativeDb,
  PersistedOperationRepository,
  PersistedOperationService,
} from './portal/persisted';

/**
 * The composition root: every repository and service, wired with plain
 * constructors. Nothing else creates them, so dependencies stay visible.
 */
export interface Repositories extends UploadRepositories {
  orgUnits: OrgUnitRepository;
  users: UserRepository;
  credentials: CredentialRepository;
  resources: ResourceRepository;
  series: SeriesRepository;
  adoptions: AdoptionRepository;
  persistedOperations: PersistedOperationRepository;
}

export interface Services extends UploadServices {
  orgUnits: OrgUnitService;
  credentials: CredentialService;
  resources: ResourceService;
  series: SeriesService;
  adoptions: AdoptionService;
  myCatalogue: MyCatalogueService;
  housekeeping: HousekeepingService;
  persistedOperations: PersistedOperationService;
  search: CatalogueSearchService;
}

export interface Infrastructure {
  config: HubConfig;
  log: Logger;
  models: Models;
  s3: S3Client;
  search: SearchEngine;
  /** Time for the rate limiter's buckets; tests set a fake one (absent: the system clock). */
  clock?: Clock;
}

export interface Container extends Infrastructure {
  repos: Repositories;
  services: Services;
  /** Catalogue writes are announced here; the search index follows them. */
  catalogueEvents: CatalogueEventBus;
  /** Cache of automatic persisted queries, shared by every hub process through MongoDB. */
  apqCache: MongoKeyValueCache;
  /** Each dependency the hub needs to serve, with a probe that throws when it is not reachable. */
  readinessProbes: Record<'mongodb' | 's3' | 'search', () => Promise<void>>;
}

export function createContainer(infra: Infrastructure): Container {
  const now = () => new Date();
  const catalogueEvents = new CatalogueEventBus();
  const repos: Repositories = {
    orgUnits: new OrgUnitRepository(infra.models),
    users: new UserRepository(infra.models),
    credentials: new CredentialRepository(infra.models),
    resources: new ResourceRepository(infra.models),
    series: new SeriesRepository(infra.models),
    adoptions: new AdoptionRepository(infra.models),
    persistedOperations: new PersistedOperationRepository(nativeDb(infra.models.connection)),
    ...createUploadRepositories(infra.models.connection),
  };
  const apqCache = new MongoKeyValueCache(nativeDb(infra.models.connection));
  const credentials = new CredentialService(repos.credentials, repos.users, repos.orgUnits);
  const services: Services = {
    orgUnits: new OrgUnitService(repos.orgUnits),
    credentials,
    resources: new ResourceService(
      repos.resources,
      repos.orgUnits,
      now,
      catalogueEvents,
      repos.series,
    ),
    series: new SeriesService(repos.series, repos.resources, repos.orgUnits, now, catalogueEvents),
    adoptions: new AdoptionService(
      repos.adoptions,
      repos.resources,
      repos.series,
      repos.orgUnits,
      catalogueEvents,
    ),
    myCatalogue: new MyCatalogueService(repos.resources, repos.adoptions),
    housekeeping: new HousekeepingService(
      infra.models,
      nativeDb(infra.models.connection),
      infra.log,
    ),
    persistedOperations: new PersistedOperationService(
      repos.persistedOperations,
      credentials,
      apqCache,
    ),
    search: new CatalogueSearchService(
      infra.search,
      repos.series,
      new RegionLabels(infra.models),
      infra.log,
    ),
    ...createUploadServices(infra, repos, () => services.resources),
  };
  return {
    ...infra,
    repos,
    services,
    catalogueEvents,
    apqCache,
    readinessProbes: {
      mongodb: () => pingDatabase(infra.models.connection),
      s3: () => pingBucket(infra.s3, infra.config.s3Bucket),
      search: () => infra.search.health(),
    },
  };
}
