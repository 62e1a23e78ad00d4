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
import { can, canSeeContent } from '../../auth/policy';
import type { OrgUnitDoc } from '../../models/org-unit/org-unit.model';
import type { GraphQLContext } from '../../graphql/context';
import { contentRefOf } from '../../services/catalogue/content-ref';
import { OrgUnitService } from '../../services/org-unit/org-unit.service';
import { mapSeries } from './series.mapper';
import { Series } from './series.type';
import { fromGlobalId } from '../../graphql/global-id';
import { decodeKeysetCursor, pageSize } from '../common/cursor';
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
import {
  mapHistory,
  mapResource,
  mapResourcePage,
  mapResourcePageBackwards,
} from './resource.mapper';
import { BadUserInputError } from '../../errors/app-errors';
import {
  Resource,
  ResourceConnection,
  ResourceHistoryEntry,
  ResourcePayload,
} from './resource.type';

const internalId = (r: Resource) => fromGlobalId(r.id, 'Resource').toHexString();

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
    if (args.first != null && args.last != null) {
      throw new BadUserInputError('first 与 last 只能用一个 / use first or last, not both', 'last');
    }
    if ((args.after != null && args.last != null) || (args.before != null && args.last == null)) {
      throw new BadUserInputError(
        'after 配合 first，before 配合 last / use after with first and before with last',
        args.before != null ? 'before' : 'after',
      );
    }
    const backwards = args.last != null;
    const cursor = backwards ? args.before : args.after;
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
        seriesId:
          f.seriesId != null ? fromGlobalId(f.seriesId, 'Series', 'filter.seriesId') : undefined,
        categories: f.categories ?? undefined,
        audiences: f.audiences ?? undefined,
        licenses: f.licenses ?? undefined,
        language: f.language ?? undefined,
        updatedFrom: f.updatedFrom ?? undefined,
        updatedTo: f.updatedTo ?? undefined,
      },
      sortField: field,
      // Paging backwards is paging forwards in the opposite order from `before`, then reversing.
      direction: ((args.orderBy?.direction === OrderDirection.ASC ? 1 : -1) *
        (backwards ? -1 : 1)) as 1 | -1,
      first: backwards ? pageSize(args.last, 'last') : pageSize(args.first),
      after: decodeKeysetCursor(cursor, backwards ? 'before' : 'after'),
    });
    return backwards
      ? mapResourcePageBackwards(page, field, args.before != null)
      : mapResourcePage(page, field, args.after != null);
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

@Resolver(() => Resource)
export class ResourceRelationsResolver {
  @FieldResolver(() => [Series], {
    description:
      '包含此资源的系列（调用者可见的）/ series that include this resource (visible ones)',
  })
  async series(@Root() r: Resource, @Ctx() ctx: GraphQLContext): Promise<Series[]> {
    const docs = await ctx.loaders.seriesOfResource.load(internalId(r));
    return docs.filter((s) => canSeeContent(ctx.viewer, contentRefOf(s))).map(mapSeries);
  }

  @FieldResolver(() => Resource, {
    nullable: true,
    description:
      '派生来源（调用者看不到时为空）/ the resource this was forked from (null when not visible)',
  })
  async derivedFrom(@Root() r: Resource, @Ctx() ctx: GraphQLContext): Promise<Resource | null> {
    if (!r.derivedFromInternalId) return null;
    const doc = await ctx.loaders.resource.load(r.derivedFromInternalId);
    return doc && canSeeContent(ctx.viewer, contentRefOf(doc)) ? mapResource(doc) : null;
  }

  @FieldResolver(() => Int, { description: '被采用次数 / how many units adopted it' })
  async adoptionCount(@Root() r: Resource, @Ctx() ctx: GraphQLContext): Promise<number> {
    return (await ctx.loaders.adoptionsOfItem.load(internalId(r))).length;
  }

  @FieldResolver(() => [OrgUnit], {
    description:
      '采用了它的单位（仅所属单位及上级可见）/ units that adopted it (shown to the owning unit and above)',
  })
  async adoptedBy(@Root() r: Resource, @Ctx() ctx: GraphQLContext): Promise<OrgUnit[]> {
    const owner = await ctx.loaders.orgUnit.load(r.ownerUnitInternalId);
    if (!owner || !can(ctx.viewer, 'content.readInternal', OrgUnitService.toRef(owner))) return [];
    const adoptions = await ctx.loaders.adoptionsOfItem.load(internalId(r));
    const units = await ctx.loaders.orgUnit.loadMany(adoptions.map((a) => a.unitId.toHexString()));
    return units.filter((u): u is OrgUnitDoc => !!u && !(u instanceof Error)).map(mapOrgUnit);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '创建人显示名 / display name of the creator',
  })
  async createdByName(@Root() r: Resource, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    if (!r.createdByInternalId) return null;
    return (await ctx.loaders.user.load(r.createdByInternalId))?.displayName ?? null;
  }
}

@Resolver(() => ResourceConnection)
export class ResourceConnectionResolver {
  @FieldResolver(() => Int, { description: '符合条件且可见的总数 / total visible matches' })
  totalCount(@Root() conn: ResourceConnection): Promise<number> {
    return conn.countFn();
  }
}
