import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Audience, Category, License } from '../../models/catalogue/vocabulary';
import { PageInfo } from '../common/page-info.type';
import {
  AudienceEnum,
  CategoryEnum,
  DifficultyEnum,
  LicenseEnum,
  ResourceKindEnum,
  ResourceStatusEnum,
  VisibilityEnum,
} from './catalogue.enums';

@ObjectType({ description: '署名 / a credited creator' })
export class CreatorCreditType {
  @Field({ description: '姓名 / name' })
  name!: string;

  @Field({ description: '角色，如 AUTHOR、NARRATOR / role, e.g. AUTHOR, NARRATOR' })
  role!: string;

  @Field(() => String, { nullable: true, description: '所在机构 / organisation' })
  organization!: string | null;
}

@ObjectType({ description: '字段变更 / one field’s change' })
export class FieldChange {
  @Field({ description: '字段名 / field name' })
  field!: string;

  @Field(() => String, { nullable: true, description: '旧值（JSON）/ old value (JSON)' })
  oldValue!: string | null;

  @Field(() => String, { nullable: true, description: '新值（JSON）/ new value (JSON)' })
  newValue!: string | null;
}

@ObjectType({ description: '资源的一条修改记录 / one entry of a resource’s history' })
export class ResourceHistoryEntry {
  @Field(() => Int, { description: '此次修改后的版本 / version after this change' })
  version!: number;

  @Field({ description: '操作：CREATE、UPDATE、SUBMIT、PUBLISH、SEND_BACK、ARCHIVE / action' })
  action!: string;

  @Field(() => ID, { nullable: true, description: '操作人 / who' })
  actorId!: string | null;

  @Field({ description: '时间 / when' })
  at!: Date;

  @Field(() => String, { nullable: true, description: '审核意见 / review comment' })
  comment!: string | null;

  @Field(() => [FieldChange], { description: '改了哪些字段 / which fields changed' })
  changes!: FieldChange[];
}

@ObjectType({
  description: '学习资源（课件包、视频、音频、文档、图集、链接）/ a learning resource',
})
export class Resource {
  @Field(() => ID, { description: '全局标识 / global id' })
  id!: string;

  ownerUnitInternalId!: string;
  derivedFromInternalId!: string | null;
  createdByInternalId!: string | null;

  @Field(() => ResourceKindEnum, { description: '类型 / kind' })
  kind!: ResourceKindEnum;

  @Field({ description: '标题 / title (dc:title)' })
  title!: string;

  @Field(() => String, { nullable: true, description: '副标题 / subtitle' })
  subtitle!: string | null;

  @Field(() => String, { nullable: true, description: '简介 / short summary' })
  summary!: string | null;

  @Field(() => String, { nullable: true, description: '详细介绍 / description (dc:description)' })
  description!: string | null;

  @Field(() => [String], { description: '关键词 / keywords' })
  keywords!: string[];

  @Field(() => [CategoryEnum], { description: '课程分类 / subject categories' })
  categories!: Category[];

  @Field(() => [AudienceEnum], { description: '适用人群 / target audiences' })
  audiences!: Audience[];

  @Field({ description: '语言（BCP 47）/ language (BCP 47)' })
  language!: string;

  @Field(() => Int, { nullable: true, description: '时长（秒）/ duration in seconds' })
  durationSeconds!: number | null;

  @Field(() => DifficultyEnum, { nullable: true, description: '难度 / difficulty' })
  difficulty!: DifficultyEnum | null;

  @Field(() => Float, { nullable: true, description: '建议学时 / suggested credit hours (学时)' })
  creditHours!: number | null;

  @Field(() => LicenseEnum, { description: '许可协议 / licence' })
  license!: License;

  @Field({
    description:
      '许可是否允许改编（决定能否派生）/ whether the licence allows derivatives (forking)',
  })
  licenseAllowsDerivatives!: boolean;

  @Field(() => [CreatorCreditType], { description: '署名 / credits' })
  creators!: CreatorCreditType[];

  @Field(() => String, {
    nullable: true,
    description: '外部链接（LINK 类型）/ external URL for LINK resources',
  })
  linkUrl!: string | null;

  @Field(() => String, { nullable: true, description: '封面图片地址 / cover image URL' })
  coverUrl!: string | null;

  @Field({ description: '所属地区的区划代码 / division code of the owning region' })
  regionCode!: string;

  @Field(() => ResourceStatusEnum, { description: '状态 / workflow status' })
  status!: ResourceStatusEnum;

  @Field(() => VisibilityEnum, { description: '可见范围 / visibility' })
  visibility!: VisibilityEnum;

  @Field(() => Int, { description: '版本号，每次修改加一 / version, bumped by every change' })
  version!: number;

  @Field(() => String, {
    nullable: true,
    description: '最近一次退回意见 / latest send-back comment',
  })
  reviewComment!: string | null;

  @Field(() => Date, { nullable: true, description: '发布时间 / published at' })
  publishedAt!: Date | null;

  @Field({ description: '创建时间 / created at' })
  createdAt!: Date;

  @Field({ description: '更新时间 / updated at' })
  updatedAt!: Date;
}

@ObjectType({ description: '资源列表中的一项 / an edge in a list of resources' })
export class ResourceEdge {
  @Field({ description: '游标 / cursor' })
  cursor!: string;

  @Field(() => Resource, { description: '资源 / the resource' })
  node!: Resource;
}

@ObjectType({ description: '资源的分页列表 / a page of resources' })
export class ResourceConnection {
  @Field(() => [ResourceEdge], { description: '本页各项 / edges' })
  edges!: ResourceEdge[];

  @Field(() => [Resource], { description: '本页资源 / nodes' })
  nodes!: Resource[];

  @Field(() => PageInfo, { description: '分页信息 / pagination info' })
  pageInfo!: PageInfo;

  countFn!: () => Promise<number>;
}

@ObjectType({
  description: '预期内的错误，如校验失败 / an expected failure such as a validation error',
})
export class UserError {
  @Field(() => String, { nullable: true, description: '出错的输入字段 / the input field at fault' })
  field!: string | null;

  @Field({ description: '稳定的错误代码 / stable error code' })
  code!: string;

  @Field({ description: '说明 / human-readable message' })
  message!: string;
}

@ObjectType({ description: '资源变更的结果 / result of a resource mutation' })
export class ResourcePayload {
  @Field(() => Resource, {
    nullable: true,
    description: '变更后的资源（失败时为空）/ the resource (null on failure)',
  })
  resource!: Resource | null;

  @Field(() => [UserError], { description: '预期内的错误 / expected failures' })
  userErrors!: UserError[];
}
