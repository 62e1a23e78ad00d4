import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import {
  ResourceConnectionResolver,
  ResourceResolver,
} from '../resolvers/catalogue/resource.resolver';
import { IdentityResolver, UserResolver } from '../resolvers/identity/identity.resolver';
import {
  OrgUnitConnectionResolver,
  OrgUnitResolver,
} from '../resolvers/org-unit/org-unit.resolver';

/** Every resolver class of the API. The emitted SDL is committed as schema.graphql. */
export const RESOLVERS = [
  OrgUnitResolver,
  OrgUnitConnectionResolver,
  IdentityResolver,
  UserResolver,
  ResourceResolver,
  ResourceConnectionResolver,
] as const;

export function buildHubSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    // Input validation lives in the services (clear codes and messages), not in class-validator.
    validate: false,
    emitSchemaFile: false,
  });
}
