import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { GraphQLError, parse } from 'graphql';
import type { Types } from 'mongoose';
import type { Viewer } from '../../auth/viewer';
import { BadUserInputError } from '../../errors/app-errors';
import type { CredentialService } from '../../services/identity/credential.service';
import { DEFAULT_QUERY_LIMITS } from '../limits/limit-options';
import type {
  PersistedOperationDocument,
  PersistedOperationRepository,
} from './persisted-operation.repository';
import { queryHash } from './query-hash';

/** Apollo stores automatic persisted queries under this prefix in the cache it is given. */
export const APQ_KEY_PREFIX = 'apq:';

const MAX_NAME = 100;

/**
 * Per-key safelists: admins of a key's unit register the operations the
 * portal may run; a key in safelist mode runs nothing else. Registration
 * also puts the query in the persisted-query cache, so the portal can send
 * just `extensions.persistedQuery.sha256Hash` from its first request on.
 */
export class PersistedOperationService {
  constructor(
    private readonly operations: PersistedOperationRepository,
    private readonly credentials: CredentialService,
    private readonly apqCache: KeyValueCache<string>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async register(
    actor: Viewer,
    apiKeyId: Types.ObjectId,
    input: { name: string; query: string },
  ): Promise<PersistedOperationDocument> {
    const key = await this.credentials.getManagedApiKey(actor, apiKeyId);
    const name = input.name.trim();
    if (!name || name.length > MAX_NAME) {
      throw new BadUserInputError(
        `名称应为 1–${MAX_NAME} 个字符 / name must be 1–${MAX_NAME} characters`,
        'name',
      );
    }
    const query = input.query;
    if (!query.trim() || query.length > DEFAULT_QUERY_LIMITS.maxLength) {
      throw new BadUserInputError(
        `查询文本应为 1–${DEFAULT_QUERY_LIMITS.maxLength} 个字符 / query must be 1–${DEFAULT_QUERY_LIMITS.maxLength} characters`,
        'query',
      );
    }
    try {
      parse(query, { maxTokens: DEFAULT_QUERY_LIMITS.maxTokens });
    } catch (err) {
      const detail = err instanceof GraphQLError ? err.message : 'syntax error';
      throw new BadUserInputError(`查询文本有语法错误 / query does not parse: ${detail}`, 'query');
    }
    const sha256 = queryHash(query);
    const credentialId = key._id.toHexString();
    const stored = await this.operations.insert({
      _id: `${credentialId}:${sha256}`,
      credentialId,
      sha256,
      name,
      query,
      createdAt: this.now(),
    });
    await this.apqCache.set(`${APQ_KEY_PREFIX}${sha256}`, query);
    return stored;
  }

  async list(actor: Viewer, apiKeyId: Types.ObjectId): Promise<PersistedOperationDocument[]> {
    const key = await this.credentials.getManagedApiKey(actor, apiKeyId);
    return this.operations.listForKey(key._id.toHexString());
  }

  countForKey(credentialId: string): Promise<number> {
    return this.operations.countForKey(credentialId);
  }

  /** Whether the key registered the operation with this hash (checked on every safelisted request). */
  isRegistered(credentialId: string, sha256: string): Promise<boolean> {
    return this.operations.exists(credentialId, sha256);
  }
}
