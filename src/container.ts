import type { S3Client } from '@aws-sdk/client-s3';
import type { Logger } from 'pino';
import type { HubConfig } from './config';
import { ResourceRepository } from './models/catalogue/resource.repository';
import { ResourceService } from './services/catalogue/resource.service';
import { CredentialRepository } from './models/access-token/credential.repository';
import { pingDatabase } from './models/database';
import type { Models } from './models/models';
import { OrgUnitRepository } from './models/org-unit/org-unit.repository';
import { UserRepository } from './models/user/user.repository';
import type { SearchEngine } from './search/search.port';
import { CredentialService } from './services/identity/credential.service';
import { OrgUnitService } from './services/org-unit/org-unit.service';
import { pingBucket } from './storage/s3-client';

/**
 * The composition root: every repository and service, wired with plain
 * constructors. Nothing else creates them, so dependencies stay visible.
 */
export interface Repositories {
  orgUnits: OrgUnitRepository;
  users: UserRepository;
  credentials: CredentialRepository;
  resources: ResourceRepository;
}

export interface Services {
  orgUnits: OrgUnitService;
  credentials: CredentialService;
  resources: ResourceService;
}

export interface Infrastructure {
  config: HubConfig;
  log: Logger;
  models: Models;
  s3: S3Client;
  search: SearchEngine;
}

export interface Container extends Infrastructure {
  repos: Repositories;
  services: Services;
  /** Each dependency the hub needs to serve, with a probe that throws when it is not reachable. */
  readinessProbes: Record<'mongodb' | 's3' | 'search', () => Promise<void>>;
}

export function createContainer(infra: Infrastructure): Container {
  const repos: Repositories = {
    orgUnits: new OrgUnitRepository(infra.models),
    users: new UserRepository(infra.models),
    credentials: new CredentialRepository(infra.models),
    resources: new ResourceRepository(infra.models),
  };
  const services: Services = {
    orgUnits: new OrgUnitService(repos.orgUnits),
    credentials: new CredentialService(repos.credentials, repos.users, repos.orgUnits),
    resources: new ResourceService(repos.resources, repos.orgUnits),
  };
  return {
    ...infra,
    repos,
    services,
    readinessProbes: {
      mongodb: () => pingDatabase(infra.models.connection),
      s3: () => pingBucket(infra.s3, infra.config.s3Bucket),
      search: () => infra.search.health(),
    },
  };
}
