import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Types } from 'mongoose';
import { UnauthenticatedError } from '../../errors/app-errors';
import type { GraphQLContext } from '../../graphql/context';
import { fromGlobalId } from '../../graphql/global-id';
import { viewerUnit } from '../../auth/viewer';
import { mapOrgUnit } from '../org-unit/org-unit.mapper';
import { OrgUnit } from '../org-unit/org-unit.type';
import { CreateAccessTokenInput, CreateApiKeyInput } from './identity.input';
import { mapCredential, mapUser } from './identity.mapper';
import {
  ApiKeyScopeEnum,
  Credential,
  IssuedCredential,
  User,
  ViewerInfo,
  ViewerKindEnum,
} from './identity.type';

@Resolver(() => ViewerInfo)
export class IdentityResolver {
  @Query(() => ViewerInfo, { description: '当前调用者是谁 / who the current caller is' })
  async viewer(@Ctx() ctx: GraphQLContext): Promise<ViewerInfo> {
    const v = ctx.viewer;
    const unitInfo = viewerUnit(v);
    const unitDoc = unitInfo ? await ctx.loaders.orgUnit.load(unitInfo.unitId) : null;
    const userDoc = v.kind === 'user' ? await ctx.loaders.user.load(v.userId) : null;
    return {
      kind:
        v.kind === 'user'
          ? ViewerKindEnum.USER
          : v.kind === 'portal'
            ? ViewerKindEnum.PORTAL
            : ViewerKindEnum.ANONYMOUS,
      user: userDoc ? mapUser(userDoc) : null,
      unit: unitDoc ? mapOrgUnit(unitDoc) : null,
      scope: v.kind === 'portal' ? (v.scope as ApiKeyScopeEnum) : null,
    };
  }

  @Query(() => [Credential], { description: '我的个人访问令牌 / my personal access tokens' })
  async myAccessTokens(@Ctx() ctx: GraphQLContext): Promise<Credential[]> {
    return (await ctx.services.credentials.listOwnTokens(ctx.viewer)).map(mapCredential);
  }

  @Query(() => [Credential], {
    description: '单位的门户 API 密钥（管理员）/ a unit’s portal API keys (admins)',
  })
  async apiKeys(
    @Arg('unitId', () => ID, { description: '单位 / unit' }) unitId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Credential[]> {
    return (
      await ctx.services.credentials.listApiKeys(
        ctx.viewer,
        fromGlobalId(unitId, 'OrgUnit', 'unitId'),
      )
    ).map(mapCredential);
  }

  @Mutation(() => IssuedCredential, {
    description:
      '签发个人访问令牌（本人或上级管理员）/ issue a personal access token (yourself, or an admin above the user)',
  })
  async createAccessToken(
    @Arg('input') input: CreateAccessTokenInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IssuedCredential> {
    const v = ctx.viewer;
    if (v.kind !== 'user') throw new UnauthenticatedError('请先登录 / sign in first');
    const userId =
      input.userId != null
        ? fromGlobalId(input.userId, 'User', 'userId')
        : new Types.ObjectId(v.userId);
    const issued = await ctx.services.credentials.issuePersonalToken(v, {
      userId,
      name: input.name,
      expiresInDays: input.expiresInDays,
    });
    return { secret: issued.secret, credential: mapCredential(issued.credential) };
  }

  @Mutation(() => IssuedCredential, {
    description: '为门户签发 API 密钥（管理员）/ issue a portal API key (admins)',
  })
  async createApiKey(
    @Arg('input') input: CreateApiKeyInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IssuedCredential> {
    if (ctx.viewer.kind !== 'user') throw new UnauthenticatedError('请先登录 / sign in first');
    const issued = await ctx.services.credentials.issueApiKey(ctx.viewer, {
      unitId: fromGlobalId(input.unitId, 'OrgUnit', 'unitId'),
      name: input.name,
      scope: input.scope,
      allowedOrigins: input.allowedOrigins,
    });
    return { secret: issued.secret, credential: mapCredential(issued.credential) };
  }

  @Mutation(() => Credential, {
    description: '撤销凭证，立即生效 / revoke a credential, effective at once',
  })
  async revokeCredential(
    @Arg('id', () => ID, { description: '凭证标识 / credential id' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Credential> {
    if (ctx.viewer.kind !== 'user') throw new UnauthenticatedError('请先登录 / sign in first');
    return mapCredential(
      await ctx.services.credentials.revoke(ctx.viewer, fromGlobalId(id, 'Credential')),
    );
  }
}

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => OrgUnit, { description: '所属单位 / the user’s unit' })
  async unit(@Root() user: User, @Ctx() ctx: GraphQLContext): Promise<OrgUnit> {
    const doc = await ctx.loaders.orgUnit.load(user.unitInternalId);
    if (!doc) throw new Error(`unit ${user.unitInternalId} of user ${user.id} is missing`);
    return mapOrgUnit(doc);
  }
}
