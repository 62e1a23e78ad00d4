import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ByteCount } from './byte-count.scalar';
import { IngestJobStatusEnum, UploadKindEnum, UploadStatusEnum } from './upload.enums';

@InputType({ description: '开始一次上传 / start an upload' })
export class CreateUploadInput {
  @Field({ description: '文件名（仅作提示）/ file name (a hint only)' })
  filename!: string;

  @Field(() => ByteCount, { description: '字节数 / size in bytes' })
  size!: number;

  @Field({ description: '内容类型，如 application/zip、video/mp4 / Content-Type' })
  contentType!: string;

  @Field(() => String, {
    nullable: true,
    description:
      '文件的 SHA-256（十六进制），提供则入库时核对 / SHA-256 (hex); checked on ingestion when given',
  })
  sha256?: string | null;

  @Field(() => UploadKindEnum, {
    nullable: true,
    description: '类型（缺省按内容类型判断）/ kind (default: from contentType)',
  })
  kind?: UploadKindEnum | null;

  @Field(() => ID, {
    nullable: true,
    description: '所属单位（缺省为本人单位）/ owner unit (default: yours)',
  })
  ownerUnitId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: '作为该资源的新版本 / make the content a new version of this resource',
  })
  resourceId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '资源标题（优先于包内标题）/ title, preferred over the package’s',
  })
  title?: string | null;
}

@InputType({ description: '登记一个已上传的分片 / report a stored part' })
export class RecordUploadPartInput {
  @Field(() => ID, { description: '上传标识 / upload id' })
  uploadId!: string;

  @Field(() => Int, { description: '分片号 / part number' })
  partNumber!: number;

  @Field({ description: 'PUT 响应中的 ETag / the ETag of the PUT response' })
  etag!: string;
}

@InputType({ description: '指定一次上传 / names an upload' })
export class UploadIdInput {
  @Field(() => ID, { description: '上传标识 / upload id' })
  uploadId!: string;
}

@ArgsType()
export class UploadsArgs {
  @Field(() => Int, {
    nullable: true,
    description: '条数（≤100，默认 20）/ how many (≤100, default 20)',
  })
  first?: number | null;

  @Field(() => UploadStatusEnum, { nullable: true, description: '按状态筛选 / only this status' })
  status?: UploadStatusEnum | null;
}

@ArgsType()
export class IngestJobsArgs {
  @Field(() => Int, {
    nullable: true,
    description: '条数（≤100，默认 20）/ how many (≤100, default 20)',
  })
  first?: number | null;

  @Field(() => IngestJobStatusEnum, {
    nullable: true,
    description: '按状态筛选 / only this status',
  })
  status?: IngestJobStatusEnum | null;
}
