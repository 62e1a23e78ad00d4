import { Field, ID, Int, ObjectType } from 'type-graphql';
import { UserError } from '../catalogue/resource.type';
import { ByteCount } from './byte-count.scalar';
import { UploadKindEnum, UploadModeEnum, UploadStatusEnum } from './upload.enums';

@ObjectType({ description: '上传被拒绝的原因 / why an upload was refused' })
export class UploadRejection {
  @Field({
    description: '稳定的错误代码，如 UPLOAD_SIZE_MISMATCH、PACKAGE_PATH_TRAVERSAL / stable code',
  })
  code!: string;

  @Field({ description: '说明 / human-readable message' })
  message!: string;
}

@ObjectType({ description: '已上传并登记的分片 / a part stored and reported' })
export class UploadPart {
  @Field(() => Int, { description: '分片号（从 1 起）/ part number (from 1)' })
  number!: number;

  @Field(() => ByteCount, { description: '分片字节数 / part size in bytes' })
  size!: number;

  @Field({ description: 'S3 返回的 ETag / the ETag S3 returned for the part' })
  etag!: string;
}

@ObjectType({ description: '分片的上传地址 / where to PUT one part' })
export class UploadPartUrl {
  @Field(() => Int, { description: '分片号 / part number' })
  number!: number;

  @Field(() => ByteCount, { description: '该分片应有的字节数 / bytes this part must have' })
  size!: number;

  @Field({ description: '预签名 PUT 地址（短期有效）/ presigned PUT URL (short-lived)' })
  url!: string;
}

@ObjectType({
  description:
    '一次上传（直传对象存储，可续传）/ an upload (straight to object storage, resumable)',
})
export class Upload {
  @Field(() => ID, { description: '全局标识 / global id' })
  id!: string;

  internalId!: string;
  jobInternalId!: string | null;

  @Field({ description: '原始文件名 / original file name' })
  filename!: string;

  @Field(() => ByteCount, { description: '声明的字节数 / declared size in bytes' })
  size!: number;

  @Field({ description: '声明的内容类型 / declared Content-Type' })
  contentType!: string;

  @Field(() => UploadKindEnum, { description: '类型 / kind' })
  kind!: UploadKindEnum;

  @Field(() => String, { nullable: true, description: '声明的 SHA-256 / declared SHA-256 (hex)' })
  sha256!: string | null;

  @Field(() => UploadStatusEnum, { description: '状态 / status' })
  status!: UploadStatusEnum;

  @Field(() => UploadModeEnum, { description: '上传方式 / single PUT or multipart' })
  mode!: UploadModeEnum;

  @Field(() => ByteCount, {
    description: '分片大小（最后一片可更小）/ part size (the last part may be smaller)',
  })
  partSize!: number;

  @Field(() => Int, { description: '分片数（单次上传为 1）/ number of parts (1 for a single PUT)' })
  partCount!: number;

  @Field(() => UploadRejection, {
    nullable: true,
    description: '被拒绝的原因 / why it was refused',
  })
  rejection!: UploadRejection | null;

  @Field({ description: '未完成则在此时过期 / expires at this time unless completed' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: '完成时间 / completed at' })
  completedAt!: Date | null;

  @Field({ description: '创建时间 / created at' })
  createdAt!: Date;
}

@ObjectType({ description: '上传相关变更的结果 / result of an upload mutation' })
export class UploadPayload {
  @Field(() => Upload, {
    nullable: true,
    description: '上传（失败时可能为空）/ the upload (may be null on failure)',
  })
  upload!: Upload | null;

  @Field(() => [UserError], { description: '预期内的错误 / expected failures' })
  userErrors!: UserError[];
}
