import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { fromGlobalId } from '../../graphql/global-id';
import { decodeCursor, pageSize } from '../common/cursor';
import { withUserErrors } from '../common/user-errors';
import { mapOrgUnit } from '../org-unit/org-unit.mapper';
import { OrgUnit } from '../org-unit/org-unit.type';
import { OrderDirection, ResourceOrderField } from './catalogue.enums';
import {
  CreateResourceInput,
  ResourcesArgs,
  ResourceTransitionInput,
  UpdateResourceInput,
} from './resource.input';
import { mapHistory, mapResource, mapResourcePage } from './resource.mapper';
import {
  Resource,
  ResourceConnection,
  ResourceHistoryEntry,
  ResourcePayload,
} from './resource.type';

const isKeyset = (v: Record<string, unknown>): v is { v: number; id: string } =>
  typeof v.v === 'number' && typeof v.id === 'string' && /^[0-9a-f]{24}$/.test(v.id);

const toKeyset = (c: { v: number; id: string }) => ({ value: c.v, id: c.id });

const payload = (
  doc: Parameters<typeof mapResource>[0] | null,
  userErrors: ResourcePayload['userErrors'],
): ResourcePayload => ({
  resource: doc ? mapResource(doc) : null,
  userErrors,
});

@Resolver(() => Resource)
export class ResourceResolver {
  @Query(() => Resource, {
    description: '一个资源（看不到时为 NOT_FOUND）/ one resource (NOT_FOUND when not visible)',
  })
  async resource(
    @Arg('id', () => ID, { description: '资源标识 / resource id' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Resource> {
    return mapResource(await ctx.services.resources.get(ctx.viewer, fromGlobalId(id, 'Resource')));
  }

  @Query(() => ResourceConnection, {
    description: '资源列表，只含调用者可见的资源 / resources the caller may see',
  })
  async resources(
    @Args() args: ResourcesArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ResourceConnection> {
    const f = args.filter ?? {};
    const field = args.orderBy?.field === ResourceOrderField.CREATED_AT ? 'createdAt' : 'updatedAt';
    const page = await ctx.services.resources.page(ctx.viewer, {
      filter: {
        kinds: f.kinds ?? undefined,
        statuses: f.statuses ?? undefined,
        ownerUnitId:
          f.ownerUnitId != null
            ? fromGlobalId(f.ownerUnitId, 'OrgUnit', 'filter.ownerUnitId')
            : undefined,
        withinUnitId:
          f.withinUnitId != null
            ? fromGlobalId(f.withinUnitId, 'OrgUnit', 'filter.withinUnitId')
            : undefined,
        categories: f.categories ?? undefined,
        audiences: f.audiences ?? undefined,
        licenses: f.licenses ?? undefined,
        language: f.language ?? undefined,
        updatedFrom: f.updatedFrom ?? undefined,
        updatedTo: f.updatedTo ?? undefined,
      },
      sortField: field,
      direction: args.orderBy?.direction === OrderDirection.ASC ? 1 : -1,
      first: pageSize(args.first),
      after: args.after != null ? toKeyset(decodeCursor(args.after, 'after', isKeyset)) : undefined,
    });
    return mapResourcePage(page, field, args.after != null);
  }

  @Mutation(() => ResourcePayload, { description: '新建资源草稿 / create a draft resource' })
  createResource(
    @Arg('input') input: CreateResourceInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ResourcePayload> {
    const { ownerUnitId, ...rest } = input;
    return withUserErrors(
      () =>
        ctx.services.resources.create(ctx.viewer, {
          ...rest,
          ownerUnitId:
            ownerUnitId != null ? fromGlobalId(ownerUnitId, 'OrgUnit', 'ownerUnitId') : undefined,
        }),
      payload,
    );
  }

  @Mutation(() => ResourcePayload, { description: '修改草稿 / edit a draft' })
  updateResource(
    @Arg('input') input: UpdateResourceInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ResourcePayload> {
    const { id, expectedVersion, ...patch } = input;
    return withUserErrors(
      () =>
        ctx.services.resources.update(
          ctx.viewer,
          fromGlobalId(id, 'Resource'),
          expectedVersion,
          patch,
        ),
      payload,
    );
  }

  @Mutation(() => ResourcePayload, { description: '提交审核 / submit for review' })
  submitResource(
    @Arg('input') input: ResourceTransitionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ResourcePayload> {
    return this.transition(ctx, input, 'SUBMIT');
  }

  @Mutation(() => ResourcePayload, { description: '审核通过并发布 / publish' })
  publishResource(
    @Arg('input') input: ResourceTransitionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ResourcePayload> {
    return this.transition(ctx, input, 'PUBLISH');
  }

  @Mutation(() => ResourcePayload, {
    description: '退回修改（需填写意见）/ send back with a comment',
  })
  sendBackResource(
    @Arg('input') input: ResourceTransitionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ResourcePayload> {
    return this.transition(ctx, input, 'SEND_BACK');
  }

  @Mutation(() => ResourcePayload, {
    description: '归档已发布的资源 / archive a published resource',
  })
  archiveResource(
    @Arg('input') input: ResourceTransitionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ResourcePayload> {
    return this.transition(ctx, input, 'ARCHIVE');
  }

  private transition(
    ctx: GraphQLContext,
    input: ResourceTransitionInput,
    t: 'SUBMIT' | 'PUBLISH' | 'SEND_BACK' | 'ARCHIVE',
  ): Promise<ResourcePayload> {
    return withUserErrors(
      () =>
        ctx.services.resources.transition(
          ctx.viewer,
          fromGlobalId(input.id, 'Resource'),
          input.expectedVersion,
          t,
          input.comment ?? undefined,
        ),
      payload,
    );
  }

  @FieldResolver(() => OrgUnit, { description: '所属单位 / owning unit' })
  async ownerUnit(@Root() r: Resource, @Ctx() ctx: GraphQLContext): Promise<OrgUnit> {
    const doc = await ctx.loaders.orgUnit.load(r.ownerUnitInternalId);
    if (!doc) throw new Error(`owner unit of resource ${r.id} is missing`);
    return mapOrgUnit(doc);
  }

  @FieldResolver(() => [ResourceHistoryEntry], {
    description: '修改历史，最新在前 / change history, newest first',
  })
  async history(
    @Root() r: Resource,
    @Arg('first', () => Int, { defaultValue: 20, description: '条数（≤100）/ entries (≤100)' })
    first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ResourceHistoryEntry[]> {
    return (
      await ctx.services.resources.history(
        ctx.viewer,
        fromGlobalId(r.id, 'Resource'),
        pageSize(first),
      )
    ).map(mapHistory);
  }
}

@Resolver(() => ResourceConnection)
export class ResourceConnectionResolver {
  @FieldResolver(() => Int, { description: '符合条件且可见的总数 / total visible matches' })
  totalCount(@Root() conn: ResourceConnection): Promise<number> {
    return conn.countFn();
  }
}
