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
import { canSeeContent } from '../../auth/policy';
import type { GraphQLContext } from '../../graphql/context';
import { fromGlobalId } from '../../graphql/global-id';
import type { SeriesDoc } from '../../models/catalogue/series.model';
import { contentRefOf } from '../../services/catalogue/content-ref';
import type { Transition } from '../../services/catalogue/workflow';
import { decodeKeysetCursor, pageSize } from '../common/cursor';
import { withUserErrors } from '../common/user-errors';
import { mapOrgUnit } from '../org-unit/org-unit.mapper';
import { OrgUnit } from '../org-unit/org-unit.type';
import { WorkflowActionEnum } from './catalogue.enums';
import { mapResource } from './resource.mapper';
import { Resource } from './resource.type';
import {
  CreateSeriesInput,
  SeriesFieldsInput,
  SeriesListArgs,
  SeriesTransitionInput,
  UpdateSeriesInput,
} from './series.input';
import { mapSeries, mapSeriesPage } from './series.mapper';
import { Series, SeriesConnection, SeriesPayload } from './series.type';

const payload = (
  doc: SeriesDoc | null,
  userErrors: SeriesPayload['userErrors'],
): SeriesPayload => ({ series: doc ? mapSeries(doc) : null, userErrors });

function fieldsOf(input: SeriesFieldsInput) {
  const { episodeIds, ...rest } = input;
  return {
    ...rest,
    episodeIds: episodeIds?.map((id) => fromGlobalId(id, 'Resource', 'episodeIds')),
  };
}

@Resolver(() => Series)
export class SeriesResolver {
  @Query(() => Series, {
    description: '一个系列（看不到时为 NOT_FOUND）/ one series (NOT_FOUND when not visible)',
  })
  async series(
    @Arg('id', () => ID, { description: '系列标识 / series id' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Series> {
    return mapSeries(await ctx.services.series.get(ctx.viewer, fromGlobalId(id, 'Series')));
  }

  @Query(() => SeriesConnection, {
    description: '系列列表，只含调用者可见的系列 / series the caller may see',
  })
  async seriesList(
    @Args() args: SeriesListArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SeriesConnection> {
    const page = await ctx.services.series.page(ctx.viewer, {
      ownerUnitId:
        args.ownerUnitId != null
          ? fromGlobalId(args.ownerUnitId, 'OrgUnit', 'ownerUnitId')
          : undefined,
      withinUnitId:
        args.withinUnitId != null
          ? fromGlobalId(args.withinUnitId, 'OrgUnit', 'withinUnitId')
          : undefined,
      themeTag: args.themeTag ?? undefined,
      first: pageSize(args.first),
      after: decodeKeysetCursor(args.after, 'after'),
    });
    return mapSeriesPage(page, args.after != null);
  }

  @Mutation(() => SeriesPayload, { description: '新建系列草稿 / create a draft series' })
  createSeries(
    @Arg('input') input: CreateSeriesInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SeriesPayload> {
    const { ownerUnitId, idempotencyKey, ...fields } = input;
    return withUserErrors(
      () =>
        ctx.services.series.create(ctx.viewer, {
          ...fieldsOf(fields),
          title: fields.title ?? '',
          idempotencyKey: idempotencyKey ?? undefined,
          ownerUnitId:
            ownerUnitId != null ? fromGlobalId(ownerUnitId, 'OrgUnit', 'ownerUnitId') : undefined,
        }),
      payload,
    );
  }

  @Mutation(() => SeriesPayload, {
    description: '修改系列（含分集排序）/ edit a series, including its episode order',
  })
  updateSeries(
    @Arg('input') input: UpdateSeriesInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SeriesPayload> {
    const { id, expectedVersion, ...fields } = input;
    return withUserErrors(
      () =>
        ctx.services.series.update(
          ctx.viewer,
          fromGlobalId(id, 'Series'),
          expectedVersion,
          fieldsOf(fields),
        ),
      payload,
    );
  }

  @Mutation(() => SeriesPayload, {
    description: '系列审核流程：SUBMIT、PUBLISH、SEND_BACK、ARCHIVE / series workflow step',
  })
  transitionSeries(
    @Arg('input') input: SeriesTransitionInput,
    @Arg('action', () => WorkflowActionEnum, { description: '操作 / the step' })
    action: WorkflowActionEnum,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SeriesPayload> {
    return withUserErrors(
      () =>
        ctx.services.series.transition(
          ctx.viewer,
          fromGlobalId(input.id, 'Series'),
          input.expectedVersion,
          action as Transition,
          input.comment ?? undefined,
        ),
      payload,
    );
  }

  @Mutation(() => SeriesPayload, {
    description:
      '在系列末尾添加一集（已在其中则不变）/ append an episode (no change if it is already there)',
  })
  addEpisodeToSeries(
    @Arg('seriesId', () => ID, { description: '系列 / series' }) seriesId: string,
    @Arg('resourceId', () => ID, { description: '资源 / resource' }) resourceId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SeriesPayload> {
    return withUserErrors(
      () =>
        ctx.services.series.addEpisode(
          ctx.viewer,
          fromGlobalId(seriesId, 'Series', 'seriesId'),
          fromGlobalId(resourceId, 'Resource', 'resourceId'),
        ),
      payload,
    );
  }

  @FieldResolver(() => OrgUnit, { description: '所属单位 / owning unit' })
  async ownerUnit(@Root() s: Series, @Ctx() ctx: GraphQLContext): Promise<OrgUnit> {
    const doc = await ctx.loaders.orgUnit.load(s.ownerUnitInternalId);
    if (!doc) throw new Error(`owner unit of series ${s.id} is missing`);
    return mapOrgUnit(doc);
  }

  @FieldResolver(() => [Resource], {
    description:
      '分集，按顺序，只含调用者可见的 / episodes in order, only those the caller may see',
  })
  async episodes(@Root() s: Series, @Ctx() ctx: GraphQLContext): Promise<Resource[]> {
    const docs = await ctx.loaders.resource.loadMany(s.episodeInternalIds);
    return docs
      .filter(
        (d): d is Exclude<typeof d, Error | null> =>
          !!d && !(d instanceof Error) && canSeeContent(ctx.viewer, contentRefOf(d)),
      )
      .map(mapResource);
  }

  @FieldResolver(() => Int, { description: '被采用次数 / how many units adopted it' })
  async adoptionCount(@Root() s: Series, @Ctx() ctx: GraphQLContext): Promise<number> {
    return (await ctx.loaders.adoptionsOfItem.load(s.internalId)).length;
  }
}

@Resolver(() => SeriesConnection)
export class SeriesConnectionResolver {
  @FieldResolver(() => Int, { description: '符合条件且可见的总数 / total visible matches' })
  totalCount(@Root() conn: SeriesConnection): Promise<number> {
    return conn.countFn();
  }
}
