import type { CredentialDoc } from '../../models/access-token/access-token.model';
import type { UserDoc } from '../../models/user/user.model';
import { toGlobalId } from '../../graphql/global-id';
import { ApiKeyScopeEnum, Credential, CredentialKindEnum, RoleEnum, User } from './identity.type';

export function mapUser(doc: UserDoc): User {
  return {
    id: toGlobalId('User', doc._id),
    unitInternalId: doc.unitId.toHexString(),
    username: doc.username,
    displayName: doc.displayName,
    roles: doc.roles as RoleEnum[],
  };
}

export function mapCredential(doc: CredentialDoc): Credential {
  return {
    id: toGlobalId('Credential', doc._id),
    kind: doc.kind as CredentialKindEnum,
    name: doc.name,
    prefix: doc.prefix,
    scope: (doc.scope as ApiKeyScopeEnum | null) ?? null,
    allowedOrigins: doc.allowedOrigins,
    createdAt: doc.createdAt,
    lastUsedAt: doc.lastUsedAt,
    expiresAt: doc.expiresAt,
    revokedAt: doc.revokedAt,
  };
}
