import { Types } from 'mongoose';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { AppError } from '../../errors/app-errors';
import type { GraphQLContext } from '../../graphql/context';
import { fromGlobalId } from '../../graphql/global-id';
import { Resource } from '../catalogue/resource.type';
import { mapResource } from '../catalogue/resource.mapper';
import { pageSize } from '../common/cursor';
import { IngestJob } from './ingest-job.type';
import { Asset, CoursewarePackage } from './package.type';
import { IngestJobsArgs } from './upload.input';
import { mapAsset, mapJob, mapPackage, mapUpload } from './upload.mapper';
import { Upload } from './upload.type';

@Resolver(() => IngestJob)
export class IngestJobResolver {
  @Query(() => IngestJob, {
    description: '一个入库任务（本单位及下级单位的）/ one ingestion job of your unit line',
  })
  async ingestJob(
    @Arg('id', () => ID, { description: '任务标识 / job id' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IngestJob> {
    return mapJob(await ctx.services.ingest.get(ctx.viewer, fromGlobalId(id, 'IngestJob')));
  }

  @Query(() => [IngestJob], {
    description: '本单位及下级单位的入库任务，最新在前 / jobs of your unit and below, newest first',
  })
  async ingestJobs(@Args() args: IngestJobsArgs, @Ctx() ctx: GraphQLContext): Promise<IngestJob[]> {
    const docs = await ctx.services.ingest.list(
      ctx.viewer,
      pageSize(args.first),
      args.status ?? undefined,
    );
    return docs.map(mapJob);
  }

  @FieldResolver(() => Upload, { description: '来源上传 / the upload it ingests' })
  async upload(@Root() j: IngestJob, @Ctx() ctx: GraphQLContext): Promise<Upload> {
    const doc = await ctx.loaders.upload.load(j.uploadInternalId);
    if (!doc) throw new Error(`upload of job ${j.id} is missing`);
    return mapUpload(doc);
  }

  @FieldResolver(() => Asset, { nullable: true, description: '存储的内容 / the stored content' })
  async asset(@Root() j: IngestJob, @Ctx() ctx: GraphQLContext): Promise<Asset | null> {
    const doc = j.assetInternalId ? await ctx.loaders.asset.load(j.assetInternalId) : null;
    return doc ? mapAsset(doc) : null;
  }

  @FieldResolver(() => CoursewarePackage, {
    nullable: true,
    description: '解析出的课件包 / the parsed package',
  })
  async package(
    @Root() j: IngestJob,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CoursewarePackage | null> {
    const doc = j.packageInternalId
      ? await ctx.loaders.coursewarePackage.load(j.packageInternalId)
      : null;
    return doc ? mapPackage(doc) : null;
  }

  @FieldResolver(() => Resource, {
    nullable: true,
    description:
      '生成或更新的资源（看不到时为空）/ the resource made or updated (null when not visible)',
  })
  async resource(@Root() j: IngestJob, @Ctx() ctx: GraphQLContext): Promise<Resource | null> {
    if (!j.resourceInternalId) return null;
    try {
      return mapResource(
        await ctx.services.resources.get(ctx.viewer, new Types.ObjectId(j.resourceInternalId)),
      );
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  }
}
