import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { fromGlobalId } from '../../graphql/global-id';
import { Resource } from '../catalogue/resource.type';
import { Asset, CoursewarePackage } from './package.type';
import { mapAsset, mapPackage } from './upload.mapper';

/**
 * The content of a catalogue resource, from the upload side's own link
 * records (the catalogue's documents carry no upload fields). Reached only
 * through a resource the viewer may already see.
 */
@Resolver(() => Resource)
export class ResourceContentResolver {
  @FieldResolver(() => CoursewarePackage, {
    nullable: true,
    description:
      '课件包（格式、大纲、启动入口）；非课件包为空 / the courseware package, null for other kinds',
  })
  async package(
    @Root() r: Resource,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CoursewarePackage | null> {
    const link = await ctx.loaders.resourceContent.load(
      fromGlobalId(r.id, 'Resource').toHexString(),
    );
    if (!link?.packageId) return null;
    const doc = await ctx.loaders.coursewarePackage.load(link.packageId.toHexString());
    return doc ? mapPackage(doc) : null;
  }

  @FieldResolver(() => Asset, {
    nullable: true,
    description:
      '上传的内容（按哈希存储）；未上传内容时为空 / the uploaded content, null when none',
  })
  async asset(@Root() r: Resource, @Ctx() ctx: GraphQLContext): Promise<Asset | null> {
    const link = await ctx.loaders.resourceContent.load(
      fromGlobalId(r.id, 'Resource').toHexString(),
    );
    if (!link) return null;
    const doc = await ctx.loaders.asset.load(link.assetId.toHexString());
    return doc ? mapAsset(doc) : null;
  }
}
