import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { EntryPoint as EntryPointData } from '../../ingest';
import type { PackageDoc } from '../../models/asset/package.model';
import { ByteCount } from './byte-count.scalar';
import { PackageFormatEnum, UploadKindEnum } from './upload.enums';

@ObjectType({ description: '启动目标 / what a node or entry point launches' })
export class LaunchTarget {
  @Field({
    description:
      '包内路径（自压缩包根目录）或外部地址 / path from the archive root, or an absolute URL',
  })
  href!: string;

  @Field(() => String, {
    nullable: true,
    description: '附加参数（SCORM parameters、cmi5 查询串）/ parameters',
  })
  parameters?: string;

  @Field({ description: 'href 加参数 / href plus parameters' })
  url!: string;

  @Field({ description: '是否为包外地址 / whether href is outside the package' })
  remote!: boolean;
}

@ObjectType({ description: '课程大纲的一个节点 / a node of a course outline' })
export class OutlineNode {
  @Field({ description: '清单中的标识 / manifest identifier' })
  identifier!: string;

  @Field({ description: '标题 / title' })
  title!: string;

  @Field({ description: '是否可见（SCORM isvisible）/ visible (SCORM isvisible)' })
  isVisible!: boolean;

  @Field({ description: '节点类型：item、block、au、activity、page / node kind' })
  kind!: string;

  @Field(() => String, {
    nullable: true,
    description: '引用的资源标识 / referenced resource identifier',
  })
  resourceIdentifier?: string;

  @Field(() => LaunchTarget, {
    nullable: true,
    description: '可启动时的目标 / launch target, when launchable',
  })
  launch?: LaunchTarget;

  @Field(() => [OutlineNode], { description: '子节点 / children' })
  children!: OutlineNode[];
}

@ObjectType({ description: '课程大纲（组织结构）/ a course outline (organisation)' })
export class Outline {
  @Field({ description: '标识 / identifier' })
  identifier!: string;

  @Field({ description: '标题 / title' })
  title!: string;

  @Field({ description: '是否为默认大纲 / whether it is the default outline' })
  isDefault!: boolean;

  @Field(() => [OutlineNode], { description: '顶层节点 / top-level nodes' })
  children!: OutlineNode[];
}

@ObjectType({ description: '可启动的学习单元 / something a learner can launch' })
export class EntryPoint {
  pkg!: PackageDoc;
  data!: EntryPointData;

  @Field({ description: '标识（包内唯一）/ identifier (unique in the package)' })
  id!: string;

  @Field({ description: '标题 / title' })
  title!: string;

  @Field({ description: '类型：sco、asset、au、activity、resource、html / type' })
  type!: string;

  @Field(() => String, { nullable: true, description: '所属大纲 / outline it belongs to' })
  outlineId?: string;

  @Field(() => String, { nullable: true, description: '资源标识 / resource identifier' })
  resourceIdentifier?: string;

  @Field(() => String, { nullable: true, description: 'IMS CP 资源类型 / IMS CP resource type' })
  resourceType?: string;

  @Field(() => LaunchTarget, { description: '启动目标 / launch target' })
  launch!: LaunchTarget;

  @Field(() => Float, {
    nullable: true,
    description:
      '掌握分数（SCORM 1.2 为 0–100，cmi5 为 0–1）/ mastery score (SCORM 1.2: 0–100, cmi5: 0–1)',
  })
  masteryScore?: number;

  @Field(() => String, {
    nullable: true,
    description: '先修条件（SCORM 1.2）/ prerequisites (SCORM 1.2)',
  })
  prerequisites?: string;

  @Field(() => String, { nullable: true, description: '最长时间 / max time allowed' })
  maxTimeAllowed?: string;

  @Field(() => String, { nullable: true, description: '超时处理 / time limit action' })
  timeLimitAction?: string;

  @Field(() => String, { nullable: true, description: 'LMS 传入数据 / data from LMS' })
  dataFromLms?: string;

  @Field(() => String, {
    nullable: true,
    description: '完成阈值（SCORM 2004）/ completion threshold',
  })
  completionThreshold?: string;

  @Field(() => String, { nullable: true, description: 'cmi5 moveOn 条件 / cmi5 moveOn' })
  moveOn?: string;

  @Field(() => String, { nullable: true, description: 'cmi5 启动方式 / cmi5 launch method' })
  launchMethod?: string;

  @Field(() => String, { nullable: true, description: 'cmi5 启动参数 / cmi5 launch parameters' })
  launchParameters?: string;

  @Field(() => String, { nullable: true, description: '活动类型 IRI / activity type IRI' })
  activityType?: string;
}

@ObjectType({
  description: '解析课件包时发现的非致命问题 / a non-fatal problem found in a package',
})
export class PackageWarning {
  @Field({ description: '稳定代码，如 FILE_MISSING / stable code' })
  code!: string;

  @Field({ description: '说明（英文）/ explanation (English)' })
  message!: string;

  @Field(() => String, { nullable: true, description: '相关的包内路径 / package path concerned' })
  path?: string;

  @Field(() => String, {
    nullable: true,
    description: '相关的清单标识 / manifest identifier concerned',
  })
  identifier?: string;
}

@ObjectType({
  description:
    '课件包：格式、元数据、大纲与启动入口 / a courseware package: format, metadata, outline, entry points',
})
export class CoursewarePackage {
  doc!: PackageDoc;

  @Field(() => ID, { description: '全局标识 / global id' })
  id!: string;

  @Field(() => PackageFormatEnum, { description: '格式 / format' })
  format!: PackageFormatEnum;

  @Field(() => String, {
    nullable: true,
    description: '格式版本，如 1.2、2004 3rd Edition / format version',
  })
  formatVersion!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '清单或课程标识 / manifest or course identifier',
  })
  identifier!: string | null;

  @Field({ description: '标题 / title' })
  title!: string;

  @Field(() => String, { nullable: true, description: '描述 / description' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: '语言 / language' })
  language!: string | null;

  @Field(() => [String], { description: '关键词 / keywords' })
  keywords!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'LOM 元数据（JSON）/ LOM metadata as JSON (titles, contributors, rights …)',
  })
  lom!: string | null;

  @Field(() => String, { nullable: true, description: '默认大纲标识 / default outline id' })
  defaultOutlineId!: string | null;

  @Field(() => Int, { description: '文件数 / number of files' })
  fileCount!: number;

  @Field(() => ByteCount, { description: '解压后总字节数 / total uncompressed bytes' })
  totalSize!: number;

  @Field(() => [Outline], { description: '大纲 / outlines' })
  outlines!: Outline[];

  @Field(() => [EntryPoint], { description: '启动入口 / entry points' })
  entryPoints!: EntryPoint[];

  @Field(() => [PackageWarning], { description: '警告 / warnings' })
  warnings!: PackageWarning[];
}

@ObjectType({ description: '媒体信息（按内容识别）/ media details (read from the bytes)' })
export class MediaInfo {
  @Field({ description: '类别：video、audio、image、document / category' })
  kind!: string;

  @Field({ description: 'MIME 类型 / MIME type' })
  mime!: string;

  @Field(() => Float, { nullable: true, description: '时长（秒）/ duration in seconds' })
  durationSeconds!: number | null;

  @Field(() => String, { nullable: true, description: '容器 / container' })
  container!: string | null;

  @Field(() => String, { nullable: true, description: '编码 / codec' })
  codec!: string | null;

  @Field(() => Float, { nullable: true, description: '码率（bit/s）/ bitrate (bit/s)' })
  bitrate!: number | null;
}

@ObjectType({
  description: '按内容哈希存储的一份内容 / one distinct content, stored once by its hash',
})
export class Asset {
  internalId!: string;

  @Field(() => ID, { description: '全局标识 / global id' })
  id!: string;

  @Field({ description: 'SHA-256（十六进制）/ SHA-256 (hex)' })
  sha256!: string;

  @Field(() => ByteCount, { description: '字节数 / size in bytes' })
  size!: number;

  @Field({ description: '按内容识别的 MIME 类型 / media type sniffed from the bytes' })
  mediaType!: string;

  @Field(() => UploadKindEnum, { description: '类型 / kind' })
  kind!: UploadKindEnum;

  @Field({ description: '首次上传时的文件名 / file name of the first upload' })
  originalFilename!: string;

  @Field(() => MediaInfo, { nullable: true, description: '媒体信息 / media details' })
  media!: MediaInfo | null;

  @Field({ description: '创建时间 / created at' })
  createdAt!: Date;
}
