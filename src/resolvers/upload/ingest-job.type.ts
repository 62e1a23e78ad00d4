import { Field, ID, Int, ObjectType } from 'type-graphql';
import { IngestJobStatusEnum } from './upload.enums';

@ObjectType({
  description: '一次失败（或将重试的错误）/ one failure (or an error that will be retried)',
})
export class IngestFailureType {
  @Field({
    description:
      '稳定代码：PACKAGE_*、MEDIA_*（入库核心）、UPLOAD_*、INGEST_* / stable code (ingest core, upload or job)',
  })
  code!: string;

  @Field({ description: '说明（中英文）/ message (Chinese and English)' })
  message!: string;

  @Field(() => String, { nullable: true, description: '细节（JSON）/ details as JSON' })
  details!: string | null;

  @Field({ description: '时间 / when' })
  at!: Date;

  @Field({ description: '是否会重试 / whether another attempt follows' })
  transient!: boolean;
}

@ObjectType({
  description:
    '入库任务：校验、解析、解压并生成资源 / ingestion job: verify, parse, extract, make the resource',
})
export class IngestJob {
  internalId!: string;
  uploadInternalId!: string;
  assetInternalId!: string | null;
  packageInternalId!: string | null;
  resourceInternalId!: string | null;

  @Field(() => ID, { description: '全局标识 / global id' })
  id!: string;

  @Field(() => IngestJobStatusEnum, { description: '状态 / status' })
  status!: IngestJobStatusEnum;

  @Field(() => Int, { description: '已尝试次数 / attempts so far' })
  attempts!: number;

  @Field(() => String, {
    nullable: true,
    description: '收到内容的 SHA-256 / SHA-256 of what arrived',
  })
  sha256!: string | null;

  @Field(() => Int, { description: '课件包警告数 / number of package warnings' })
  warningCount!: number;

  @Field(() => [IngestFailureType], { description: '失败记录，最新在后 / failures, newest last' })
  failures!: IngestFailureType[];

  @Field(() => Date, {
    nullable: true,
    description: '下次尝试时间（等待重试时）/ next attempt (when waiting to retry)',
  })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '开始时间 / started at' })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '结束时间 / finished at' })
  finishedAt!: Date | null;

  @Field({ description: '创建时间 / created at' })
  createdAt!: Date;

  @Field({ description: '更新时间 / updated at' })
  updatedAt!: Date;
}
