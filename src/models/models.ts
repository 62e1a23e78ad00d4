import type { Connection, Model } from 'mongoose';
import { credentialSchema, type CredentialDoc } from './access-token/access-token.model';
import { adoptionSchema, type AdoptionDoc } from './catalogue/adoption.model';
import {
  catalogueHistorySchema,
  idempotencySchema,
  type CatalogueHistoryDoc,
  type IdempotencyDoc,
} from './catalogue/catalogue-history.model';
import { resourceSchema, type ResourceDoc } from './catalogue/resource.model';
import { seriesSchema, type SeriesDoc } from './catalogue/series.model';
import { orgUnitSchema, type OrgUnitDoc } from './org-unit/org-unit.model';
import { userSchema, type UserDoc } from './user/user.model';

/** Every mongoose model of the hub, registered once on one connection. */
export interface Models {
  connection: Connection;
  OrgUnit: Model<OrgUnitDoc>;
  User: Model<UserDoc>;
  Credential: Model<CredentialDoc>;
  Resource: Model<ResourceDoc>;
  Series: Model<SeriesDoc>;
  Adoption: Model<AdoptionDoc>;
  CatalogueHistory: Model<CatalogueHistoryDoc>;
  Idempotency: Model<IdempotencyDoc>;
}

export function createModels(connection: Connection): Models {
  return {
    connection,
    OrgUnit: connection.model<OrgUnitDoc>('OrgUnit', orgUnitSchema),
    User: connection.model<UserDoc>('User', userSchema),
    Credential: connection.model<CredentialDoc>('Credential', credentialSchema),
    Resource: connection.model<ResourceDoc>('Resource', resourceSchema),
    Series: connection.model<SeriesDoc>('Series', seriesSchema),
    Adoption: connection.model<AdoptionDoc>('Adoption', adoptionSchema),
    CatalogueHistory: connection.model<CatalogueHistoryDoc>(
      'CatalogueHistory',
      catalogueHistorySchema,
    ),
    Idempotency: connection.model<IdempotencyDoc>('Idempotency', idempotencySchema),
  };
}

/**
 * Creates collections and indexes. Unique indexes carry identity rules
 * (unit codes, usernames, credential hashes, one adoption per unit and item),
 * so this runs before serving.
 */
export async function syncIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) {
    if (typeof model === 'function' && 'createIndexes' in model) {
      await (model as Model<unknown>).createCollection().catch(() => undefined);
      await (model as Model<unknown>).createIndexes();
    }
  }
}
