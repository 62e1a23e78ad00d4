import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Asset, CoursewarePackage, EntryPoint } from './package.type';

@Resolver(() => CoursewarePackage)
export class CoursewarePackageResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      '默认入口的启动地址（短期有效的签名地址）/ launch URL of the default entry point (short-lived, signed)',
  })
  launchUrl(@Root() p: CoursewarePackage, @Ctx() ctx: GraphQLContext): Promise<string> | null {
    const first =
      p.entryPoints.find((e) => !p.defaultOutlineId || e.outlineId === p.defaultOutlineId) ??
      p.entryPoints[0];
    return first ? ctx.services.ingest.launchUrl(p.doc, first.data) : null;
  }
}

@Resolver(() => EntryPoint)
export class EntryPointResolver {
  @FieldResolver(() => String, {
    description:
      '启动地址：包内文件为短期有效的签名地址，外部地址原样返回 / launch URL: a short-lived signed URL for package files, remote URLs as they are',
  })
  launchUrl(@Root() e: EntryPoint, @Ctx() ctx: GraphQLContext): Promise<string> {
    return ctx.services.ingest.launchUrl(e.pkg, e.data);
  }
}

@Resolver(() => Asset)
export class AssetResolver {
  @FieldResolver(() => String, {
    description:
      '内容的下载/播放地址（短期有效的签名地址）/ download or playback URL (short-lived, signed)',
  })
  async url(@Root() a: Asset, @Ctx() ctx: GraphQLContext): Promise<string> {
    const doc = await ctx.loaders.asset.load(a.internalId);
    if (!doc) throw new Error(`asset ${a.id} vanished`);
    return ctx.services.ingest.assetUrl(doc);
  }
}
