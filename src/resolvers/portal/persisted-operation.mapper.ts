import { toGlobalId } from '../../graphql/global-id';
import type { PersistedOperationDocument } from '../../portal/persisted/persisted-operation.repository';
import type { PersistedOperation } from './persisted-operation.type';

export function mapPersistedOperation(doc: PersistedOperationDocument): PersistedOperation {
  return {
    apiKeyId: toGlobalId('Credential', doc.credentialId),
    name: doc.name,
    sha256: doc.sha256,
    query: doc.query,
    createdAt: doc.createdAt,
  };
}
