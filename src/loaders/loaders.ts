import type { Repositories } from '../container';
import { createCatalogueLoaders } from './catalogue.loaders';
import { createOrgUnitLoader } from './org-unit.loader';
import { createUserLoader } from './user.loader';
import { createUploadLoaders } from './upload.loaders';

/** The DataLoaders of one request. Built fresh per request so caches never leak between viewers. */
export function createLoaders(repos: Repositories) {
  return {
    orgUnit: createOrgUnitLoader(repos.orgUnits),
    user: createUserLoader(repos.users),
    ...createCatalogueLoaders(repos),
    ...createUploadLoaders(repos),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
