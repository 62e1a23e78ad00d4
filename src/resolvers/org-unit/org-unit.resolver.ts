import { Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError, NotFoundError } from '../../errors/app-errors';
import type { GraphQLContext } from '../../graphql/context';
import { fromGlobalId } from '../../graphql/global-id';
import { decodeCursor, pageSize } from '../common/cursor';
import { OrgUnitListArgs, OrgUnitLookupArgs, OrgUnitPageArgs } from './org-unit.args';
import { mapOrgUnit, mapOrgUnitPage } from './org-unit.mapper';
import { OrgUnit, OrgUnitConnection } from './org-unit.type';

const isCodeCursor = (v: Record<string, unknown>): v is { code: string } =>
  typeof v.code === 'string';

function afterCode(after: string | null | undefined): string | undefined {
  return after == null ? undefined : decodeCursor(after, 'after', isCodeCursor).code;
}

@Resolver(() => OrgUnit)
export class OrgUnitResolver {
  @Query(() => OrgUnit, { description: '按标识或代码取一个单位 / one unit by id or division code' })
  async orgUnit(
    @Args() { id, code }: OrgUnitLookupArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OrgUnit> {
    if ((id == null) === (code == null)) {
      throw new BadUserInputError(
        '请只提供 id 或 code 之一 / give exactly one of id or code',
        id == null ? 'id' : 'code',
      );
    }
    const doc =
      id != null
        ? await ctx.services.orgUnits.get(fromGlobalId(id, 'OrgUnit'))
        : await ctx.services.orgUnits.getByCode(code!);
    return mapOrgUnit(doc);
  }

  @Query(() => OrgUnitConnection, {
    description:
      '按层级、上级或范围列出单位，按代码排序 / units filtered by tier, parent or subtree, in code order',
  })
  async orgUnits(
    @Args() args: OrgUnitListArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OrgUnitConnection> {
    if (args.search != null && args.search.length > 50) {
      throw new BadUserInputError(
        '搜索文字最多 50 个字符 / search text is limited to 50 characters',
        'search',
      );
    }
    const page = await ctx.services.orgUnits.page({
      level: args.level,
      parentId: args.parent != null ? fromGlobalId(args.parent, 'OrgUnit', 'parent') : undefined,
      withinId: args.within != null ? fromGlobalId(args.within, 'OrgUnit', 'within') : undefined,
      text: args.search?.trim() || undefined,
      first: pageSize(args.first),
      afterCode: afterCode(args.after),
    });
    return mapOrgUnitPage(page, args.after != null);
  }

  @FieldResolver(() => OrgUnit, {
    nullable: true,
    description: '上级单位（省级为空）/ parent unit (null for the province)',
  })
  async parent(@Root() unit: OrgUnit, @Ctx() ctx: GraphQLContext): Promise<OrgUnit | null> {
    if (!unit.parentInternalId) return null;
    const doc = await ctx.loaders.orgUnit.load(unit.parentInternalId);
    return doc ? mapOrgUnit(doc) : null;
  }

  @FieldResolver(() => [OrgUnit], {
    description: '全部上级单位，从省级开始 / all ancestors, province first',
  })
  async ancestors(@Root() unit: OrgUnit, @Ctx() ctx: GraphQLContext): Promise<OrgUnit[]> {
    const docs = await ctx.loaders.orgUnit.loadMany(unit.ancestorInternalIds);
    return docs.map((doc) => {
      if (!doc || doc instanceof Error)
        throw new NotFoundError('上级单位缺失 / an ancestor unit is missing');
      return mapOrgUnit(doc);
    });
  }

  @FieldResolver(() => OrgUnitConnection, { description: '直属下级单位 / direct children' })
  async children(
    @Root() unit: OrgUnit,
    @Args() args: OrgUnitPageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OrgUnitConnection> {
    const page = await ctx.services.orgUnits.page({
      parentId: fromGlobalId(unit.id, 'OrgUnit'),
      first: pageSize(args.first),
      afterCode: afterCode(args.after),
    });
    return mapOrgUnitPage(page, args.after != null);
  }
}

@Resolver(() => OrgUnitConnection)
export class OrgUnitConnectionResolver {
  @FieldResolver(() => Int, { description: '符合条件的总数 / total number of matching units' })
  totalCount(@Root() conn: OrgUnitConnection): Promise<number> {
    return conn.countFn();
  }
}
