import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  createUnionType,
} from 'type-graphql';
import { canSeeContent } from '../../auth/policy';
import type { GraphQLContext } from '../../graphql/context';
import { fromGlobalId, fromGlobalIdOf } from '../../graphql/global-id';
import { BadUserInputError } from '../../errors/app-errors';
import { contentRefOf } from '../../services/catalogue/content-ref';
import { withUserErrors } from '../common/user-errors';
import { pageSize } from '../common/cursor';
import { mapOrgUnit } from '../org-unit/org-unit.mapper';
import { OrgUnit } from '../org-unit/org-unit.type';
import {
  Adoption,
  AdoptionPayload,
  AdoptionUpdate,
  CatalogueCounts,
  MyCatalogue,
} from './adoption.type';
import { mapResource, mapResourcePage } from './resource.mapper';
import { Resource, ResourceConnection, ResourcePayload } from './resource.type';
import { mapAdoption, mapSeries } from './series.mapper';
import { Series } from './series.type';

export const AdoptedItemUnion = createUnionType({
  name: 'AdoptedItem',
  description: '被采用的资源或系列 / an adopted resource or series',
  types: () => [Resource, Series] as const,
  resolveType: (value) => ('episodeInternalIds' in value ? Series : Resource),
});

@ArgsType()
class OffsetPageArgs {
  @Field(() => Int, { defaultValue: 20, description: '每页数量（0–100）/ page size' })
  first!: number;
  @Field(() => Int, { defaultValue: 0, description: '跳过条数（≤10000）/ items to skip' })
  offset!: number;
}

function checkOffset(offset: number): number {
  if (!Number.isInteger(offset) || offset < 0 || offset > 10_000) {
    throw new BadUserInputError(
      'offset 应在 0–10000 之间 / offset must be between 0 and 10000',
      'offset',
    );
  }
  return offset;
}

const adoptionPayload = (
  doc: Parameters<typeof mapAdoption>[0] | null,
  userErrors: AdoptionPayload['userErrors'],
): AdoptionPayload => ({
  adoption: doc ? mapAdoption(doc) : null,
  userErrors,
});

@Resolver(() => Adoption)
export class AdoptionResolver {
  @Mutation(() => AdoptionPayload, {
    description:
      '把他人发布的资源采用到本单位目录（不复制内容）/ adopt a published resource into my unit’s catalogue',
  })
  adoptResource(
    @Arg('id', () => ID, { description: '资源 / resource' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AdoptionPayload> {
    return withUserErrors(
      () => ctx.services.adoptions.adopt(ctx.viewer, 'RESOURCE', fromGlobalId(id, 'Resource')),
      adoptionPayload,
    );
  }

  @Mutation(() => AdoptionPayload, {
    description: '把他人发布的系列采用到本单位目录 / adopt a published series',
  })
  adoptSeries(
    @Arg('id', () => ID, { description: '系列 / series' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AdoptionPayload> {
    return withUserErrors(
      () => ctx.services.adoptions.adopt(ctx.viewer, 'SERIES', fromGlobalId(id, 'Series')),
      adoptionPayload,
    );
  }

  @Mutation(() => Boolean, { description: '取消采用 / stop adopting an item' })
  unadopt(
    @Arg('itemId', () => ID, { description: '资源或系列 / resource or series id' }) itemId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    return ctx.services.adoptions.unadopt(
      ctx.viewer,
      fromGlobalIdOf(itemId, ['Resource', 'Series'], 'itemId').id,
    );
  }

  @Mutation(() => ResourcePayload, {
    description:
      '派生（本地化改编）：生成本单位的新草稿，保留来源；许可禁止改编时拒绝 / fork for localisation; refused when the licence forbids derivatives',
  })
  forkResource(
    @Arg('id', () => ID, { description: '来源资源 / source resource' }) id: string,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description: '幂等键 / idempotency key',
    })
    idempotencyKey: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ResourcePayload> {
    return withUserErrors(
      () =>
        ctx.services.resources.fork(
          ctx.viewer,
          fromGlobalId(id, 'Resource'),
          idempotencyKey ?? undefined,
        ),
      (doc, userErrors) => ({
        resource: doc ? mapResource(doc) : null,
        userErrors,
      }),
    );
  }

  @Query(() => [AdoptionUpdate], {
    description: '本单位采用的内容有新版本发布 / adopted items with a newer published version',
  })
  async adoptionUpdates(@Ctx() ctx: GraphQLContext): Promise<AdoptionUpdate[]> {
    return (await ctx.services.adoptions.updates(ctx.viewer)).map((u) => ({
      adoption: mapAdoption(u.adoption),
      currentVersion: u.currentVersion,
    }));
  }

  @Mutation(() => Adoption, { description: '确认已知悉更新 / acknowledge an update notice' })
  async acknowledgeAdoptionUpdate(
    @Arg('id', () => ID, { description: '采用记录 / adoption id' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Adoption> {
    return mapAdoption(
      await ctx.services.adoptions.acknowledge(ctx.viewer, fromGlobalId(id, 'Adoption')),
    );
  }

  @FieldResolver(() => OrgUnit, { description: '采用单位 / the adopting unit' })
  async unit(@Root() a: Adoption, @Ctx() ctx: GraphQLContext): Promise<OrgUnit> {
    const doc = await ctx.loaders.orgUnit.load(a.unitInternalId);
    if (!doc) throw new Error('adopting unit missing');
    return mapOrgUnit(doc);
  }

  @FieldResolver(() => OrgUnit, {
    description: '内容所属单位（署名）/ the owning unit (attribution)',
  })
  async itemOwner(@Root() a: Adoption, @Ctx() ctx: GraphQLContext): Promise<OrgUnit> {
    const doc = await ctx.loaders.orgUnit.load(a.itemOwnerInternalId);
    if (!doc) throw new Error('owner unit missing');
    return mapOrgUnit(doc);
  }

  @FieldResolver(() => AdoptedItemUnion, {
    nullable: true,
    description: '被采用的内容（调用者看不到时为空）/ the adopted item (null when not visible)',
  })
  async item(@Root() a: Adoption, @Ctx() ctx: GraphQLContext): Promise<Resource | Series | null> {
    if (a.itemType === 'SERIES') {
      const doc = await ctx.loaders.series.load(a.itemInternalId);
      return doc && canSeeContent(ctx.viewer, contentRefOf(doc)) ? mapSeries(doc) : null;
    }
    const doc = await ctx.loaders.resource.load(a.itemInternalId);
    return doc && canSeeContent(ctx.viewer, contentRefOf(doc)) ? mapResource(doc) : null;
  }
}

@Resolver(() => MyCatalogue)
export class MyCatalogueResolver {
  @Query(() => MyCatalogue, {
    description: '本单位的目录（需登录）/ my unit’s catalogue (signed in)',
  })
  async myCatalogue(@Ctx() ctx: GraphQLContext): Promise<MyCatalogue> {
    const counts = await ctx.services.myCatalogue.counts(ctx.viewer);
    const unit =
      ctx.viewer.kind === 'user' ? await ctx.loaders.orgUnit.load(ctx.viewer.unitId) : null;
    if (!unit) throw new Error('viewer unit missing');
    return { unit: mapOrgUnit(unit), counts: counts as CatalogueCounts };
  }

  @FieldResolver(() => ResourceConnection, {
    description: '本单位自有资源 / resources my unit owns',
  })
  async own(
    @Root() _m: MyCatalogue,
    @Arg('first', () => Int, { defaultValue: 20, description: '每页数量 / page size' })
    first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ResourceConnection> {
    if (ctx.viewer.kind !== 'user') throw new Error('unreachable: myCatalogue requires a user');
    const page = await ctx.services.resources.page(ctx.viewer, {
      filter: { ownerUnitId: fromGlobalId(_m.unit.id, 'OrgUnit') },
      sortField: 'updatedAt',
      direction: -1,
      first: pageSize(first),
    });
    return mapResourcePage(page, 'updatedAt', false);
  }

  @FieldResolver(() => [Adoption], { description: '本单位采用的内容 / what my unit adopted' })
  async adopted(
    @Root() _m: MyCatalogue,
    @Args() { first, offset }: OffsetPageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Adoption[]> {
    return (
      await ctx.services.myCatalogue.adopted(ctx.viewer, pageSize(first), checkOffset(offset))
    ).map(mapAdoption);
  }

  @FieldResolver(() => [Adoption], {
    description: '他人对本单位内容的采用（谁采用了）/ who adopted my unit’s items',
  })
  async adoptedFromMine(
    @Root() _m: MyCatalogue,
    @Args() { first, offset }: OffsetPageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Adoption[]> {
    return (
      await ctx.services.myCatalogue.adoptedFromMine(
        ctx.viewer,
        pageSize(first),
        checkOffset(offset),
      )
    ).map(mapAdoption);
  }

  @FieldResolver(() => [Resource], {
    description:
      '他人由本单位资源派生的资源（调用者可见的）/ forks of my unit’s resources that I may see',
  })
  async forkedFromMine(
    @Root() _m: MyCatalogue,
    @Arg('first', () => Int, { defaultValue: 20, description: '条数 / count' }) first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Resource[]> {
    return (await ctx.services.myCatalogue.forkedFromMine(ctx.viewer, pageSize(first))).nodes.map(
      mapResource,
    );
  }
}
