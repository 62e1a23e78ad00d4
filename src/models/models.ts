import type { Connection, Model } from 'mongoose';
import { credentialSchema, type CredentialDoc } from './access-token/access-token.model';
import { orgUnitSchema, type OrgUnitDoc } from './org-unit/org-unit.model';
import { userSchema, type UserDoc } from './user/user.model';
import {
  idempotencySchema,
  resourceHistorySchema,
  resourceSchema,
  type IdempotencyDoc,
  type ResourceDoc,
  type ResourceHistoryDoc,
} from './catalogue/resource.model';

/** Every mongoose model of the hub, registered once on one connection. */
export interface Models {
  connection: Connection;
  OrgUnit: Model<OrgUnitDoc>;
  User: Model<UserDoc>;
  Credential: Model<CredentialDoc>;
  Resource: Model<ResourceDoc>;
  ResourceHistory: Model<ResourceHistoryDoc>;
  Idempotency: Model<IdempotencyDoc>;
}

export function createModels(connection: Connection): Models {
  return {
    connection,
    OrgUnit: connection.model<OrgUnitDoc>('OrgUnit', orgUnitSchema),
    User: connection.model<UserDoc>('User', userSchema),
    Credential: connection.model<CredentialDoc>('Credential', credentialSchema),
    Resource: connection.model<ResourceDoc>('Resource', resourceSchema),
    ResourceHistory: connection.model<ResourceHistoryDoc>('ResourceHistory', resourceHistorySchema),
    Idempotency: connection.model<IdempotencyDoc>('Idempotency', idempotencySchema),
  };
}

/**
 * Creates collections and indexes. Unique indexes carry identity rules
 * (unit codes, usernames, credential hashes), so this runs before serving.
 */
export async function syncIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) {
    if (typeof model === 'function' && 'createIndexes' in model) {
      await (model as Model<unknown>).createCollection().catch(() => undefined);
      await (model as Model<unknown>).createIndexes();
    }
  }
}
