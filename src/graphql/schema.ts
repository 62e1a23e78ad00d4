import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AdoptionResolver, MyCatalogueResolver } from '../resolvers/catalogue/adoption.resolver';
import {
  ResourceConnectionResolver,
  ResourceRelationsResolver,
  ResourceResolver,
} from '../resolvers/catalogue/resource.resolver';
import { SeriesConnectionResolver, SeriesResolver } from '../resolvers/catalogue/series.resolver';
import { IdentityResolver, UserResolver } from '../resolvers/identity/identity.resolver';
import {
  OrgUnitConnectionResolver,
  OrgUnitResolver,
} from '../resolvers/org-unit/org-unit.resolver';
import { PortalResolver } from '../resolvers/portal/portal.resolver';
import { SearchResolver } from '../resolvers/search/search.resolver';
import {
  AssetResolver,
  CoursewarePackageResolver,
  EntryPointResolver,
} from '../resolvers/upload/package.resolver';
import { IngestJobResolver } from '../resolvers/upload/ingest-job.resolver';
import { ResourceContentResolver } from '../resolvers/upload/resource-content.resolver';
import { UploadResolver } from '../resolvers/upload/upload.resolver';

/** Every resolver class of the API. The emitted SDL is committed as schema.graphql. */
export const RESOLVERS = [
  OrgUnitResolver,
  OrgUnitConnectionResolver,
  IdentityResolver,
  UserResolver,
  ResourceResolver,
  ResourceConnectionResolver,
  ResourceRelationsResolver,
  SeriesResolver,
  SeriesConnectionResolver,
  AdoptionResolver,
  MyCatalogueResolver,
  PortalResolver,
  SearchResolver,
  UploadResolver,
  IngestJobResolver,
  CoursewarePackageResolver,
  EntryPointResolver,
  AssetResolver,
  ResourceContentResolver,
] as const;

export function buildHubSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    // Input validation lives in the services (clear codes and messages), not in class-validator.
    validate: false,
    emitSchemaFile: false,
  });
}
