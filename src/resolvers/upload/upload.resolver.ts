import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ID } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { fromGlobalId } from '../../graphql/global-id';
import type { UploadDoc } from '../../models/asset/upload.model';
import { pageSize } from '../common/cursor';
import { IngestJob } from './ingest-job.type';
import { mapJob, mapUpload } from './upload.mapper';
import { uploadPayload } from './upload-payload';
import {
  CreateUploadInput,
  RecordUploadPartInput,
  UploadIdInput,
  UploadsArgs,
} from './upload.input';
import { Upload, UploadPart, UploadPartUrl, UploadPayload } from './upload.type';

const uploadId = (id: string, field = 'uploadId') => fromGlobalId(id, 'Upload', field);

@Resolver(() => Upload)
export class UploadResolver {
  @Query(() => Upload, {
    description: '一次上传（本单位及下级单位的）/ one upload of your unit line',
  })
  async upload(
    @Arg('id', () => ID, { description: '上传标识 / upload id' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Upload> {
    return mapUpload(await ctx.services.uploads.get(ctx.viewer, uploadId(id, 'id')));
  }

  @Query(() => [Upload], {
    description: '本单位及下级单位的上传，最新在前 / uploads of your unit and below, newest first',
  })
  async uploads(@Args() args: UploadsArgs, @Ctx() ctx: GraphQLContext): Promise<Upload[]> {
    const docs = await ctx.services.uploads.list(
      ctx.viewer,
      pageSize(args.first),
      args.status ?? undefined,
    );
    return docs.map(mapUpload);
  }

  @Mutation(() => UploadPayload, {
    description:
      '开始上传：返回预签名 PUT（小文件）或分片上传地址（大文件）/ start an upload: a presigned PUT, or multipart part URLs',
  })
  createUpload(
    @Arg('input') input: CreateUploadInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UploadPayload> {
    return uploadPayload(async () => ({
      upload: await ctx.services.uploads.create(ctx.viewer, {
        ...input,
        ownerUnitId: input.ownerUnitId
          ? fromGlobalId(input.ownerUnitId, 'OrgUnit', 'ownerUnitId')
          : null,
        resourceId: input.resourceId
          ? fromGlobalId(input.resourceId, 'Resource', 'resourceId')
          : null,
      }),
    }));
  }

  @Mutation(() => UploadPayload, {
    description:
      '登记已上传的分片及其 ETag（断点续传依据）/ report a stored part and its ETag (what resuming relies on)',
  })
  recordUploadPart(
    @Arg('input') input: RecordUploadPartInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UploadPayload> {
    return uploadPayload(async () => ({
      upload: await ctx.services.uploads.recordPart(
        ctx.viewer,
        uploadId(input.uploadId),
        input.partNumber,
        input.etag,
      ),
    }));
  }

  @Mutation(() => UploadPayload, {
    description:
      '完成上传：核对大小与类型并排队入库（可重复调用）/ finish: check size and type, queue ingestion (idempotent)',
  })
  completeUpload(
    @Arg('input') input: UploadIdInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UploadPayload> {
    return uploadPayload(() => ctx.services.uploads.complete(ctx.viewer, uploadId(input.uploadId)));
  }

  @Mutation(() => UploadPayload, {
    description: '取消上传并清理 / cancel an upload and free its storage',
  })
  abortUpload(
    @Arg('input') input: UploadIdInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UploadPayload> {
    return uploadPayload(async () => ({
      upload: await ctx.services.uploads.abort(ctx.viewer, uploadId(input.uploadId)),
    }));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      '单次上传的预签名 PUT 地址（仅上传者，待上传时）/ presigned PUT URL (uploader only, while pending)',
  })
  async putUrl(@Root() u: Upload, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    return ctx.services.uploads.putUrl(ctx.viewer, await this.doc(u, ctx));
  }

  @FieldResolver(() => [UploadPart], { description: '已登记的分片 / parts reported so far' })
  async parts(@Root() u: Upload, @Ctx() ctx: GraphQLContext): Promise<UploadPart[]> {
    const parts = await ctx.services.uploads.parts(await this.doc(u, ctx));
    return parts.map((p) => ({ number: p.partNumber, size: p.size, etag: p.etag }));
  }

  @FieldResolver(() => [Int], { description: '尚未登记的分片号 / part numbers not reported yet' })
  async missingParts(@Root() u: Upload, @Ctx() ctx: GraphQLContext): Promise<number[]> {
    return ctx.services.uploads.missingParts(await this.doc(u, ctx));
  }

  @FieldResolver(() => [UploadPartUrl], {
    description:
      '分片的预签名地址（默认为未登记的分片；仅上传者）/ presigned part URLs (default: the missing parts; uploader only)',
  })
  async partUrls(
    @Root() u: Upload,
    @Arg('numbers', () => [Int], {
      nullable: true,
      description: '分片号（≤500 个）/ part numbers (≤500)',
    })
    numbers: number[] | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UploadPartUrl[]> {
    return ctx.services.uploads.partUrls(ctx.viewer, await this.doc(u, ctx), numbers);
  }

  @FieldResolver(() => IngestJob, {
    nullable: true,
    description: '入库任务（完成后）/ the ingestion job, once completed',
  })
  async job(@Root() u: Upload, @Ctx() ctx: GraphQLContext): Promise<IngestJob | null> {
    if (!u.jobInternalId) return null;
    const job = await ctx.loaders.ingestJob.load(u.jobInternalId);
    return job ? mapJob(job) : null;
  }

  // The root came from a visible upload; the loader gives the document back without a second check.
  private async doc(u: Upload, ctx: GraphQLContext): Promise<UploadDoc> {
    const doc = await ctx.loaders.upload.load(u.internalId);
    if (!doc) throw new Error(`upload ${u.internalId} vanished`);
    return doc;
  }
}
