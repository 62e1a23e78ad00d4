import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { UnauthenticatedError } from '../../errors/app-errors';
import type { GraphQLContext } from '../../graphql/context';
import { fromGlobalId } from '../../graphql/global-id';
import { mapPersistedOperation } from './persisted-operation.mapper';
import { ApiKeySafelistStatus, PersistedOperation } from './persisted-operation.type';

/** Admin operations on portal API keys: persisted-operation safelists. */
@Resolver()
export class PortalResolver {
  @Query(() => [PersistedOperation], {
    description:
      'API 密钥已登记的查询，最新在前（管理员）/ operations registered for an API key, newest first (admins)',
  })
  async persistedOperations(
    @Arg('apiKeyId', () => ID, { description: 'API 密钥标识 / API key id' }) apiKeyId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PersistedOperation[]> {
    const docs = await ctx.services.persistedOperations.list(
      ctx.viewer,
      fromGlobalId(apiKeyId, 'Credential', 'apiKeyId'),
    );
    return docs.map(mapPersistedOperation);
  }

  @Mutation(() => PersistedOperation, {
    description:
      '为 API 密钥登记一个查询（幂等，管理员）/ register an operation for an API key (idempotent; admins)',
  })
  async registerPersistedOperation(
    @Arg('apiKeyId', () => ID, { description: 'API 密钥标识 / API key id' }) apiKeyId: string,
    @Arg('name', { description: '名称 / a name for people' }) name: string,
    @Arg('query', { description: '完整的查询文本 / the full query text' }) query: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PersistedOperation> {
    if (ctx.viewer.kind !== 'user') throw new UnauthenticatedError('请先登录 / sign in first');
    const doc = await ctx.services.persistedOperations.register(
      ctx.viewer,
      fromGlobalId(apiKeyId, 'Credential', 'apiKeyId'),
      { name, query },
    );
    return mapPersistedOperation(doc);
  }

  @Mutation(() => ApiKeySafelistStatus, {
    description:
      '开启或关闭 API 密钥的白名单模式，立即生效（管理员）/ turn an API key’s safelist mode on or off, effective at once (admins)',
  })
  async setApiKeySafelistMode(
    @Arg('id', () => ID, { description: 'API 密钥标识 / API key id' }) id: string,
    @Arg('enabled', { description: '是否开启 / on or off' }) enabled: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ApiKeySafelistStatus> {
    if (ctx.viewer.kind !== 'user') throw new UnauthenticatedError('请先登录 / sign in first');
    const key = await ctx.services.credentials.setSafelistMode(
      ctx.viewer,
      fromGlobalId(id, 'Credential'),
      enabled,
    );
    return {
      apiKeyId: id,
      safelistMode: key.safelistMode === true,
      operationCount: await ctx.services.persistedOperations.countForKey(key._id.toHexString()),
    };
  }
}
