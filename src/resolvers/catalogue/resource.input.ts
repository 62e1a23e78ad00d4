import { ArgsType, Field, ID, InputType, Int, Float } from 'type-graphql';
import type { Audience, Category, License } from '../../models/catalogue/vocabulary';
import {
  AudienceEnum,
  CategoryEnum,
  DifficultyEnum,
  LicenseEnum,
  OrderDirection,
  ResourceKindEnum,
  ResourceOrderField,
  ResourceStatusEnum,
  VisibilityEnum,
} from './catalogue.enums';

@InputType({ description: '署名 / a credit' })
export class CreatorCreditInput {
  @Field({ description: '姓名 / name' })
  name!: string;

  @Field({
    defaultValue: 'AUTHOR',
    description:
      '角色 / role: AUTHOR, EDITOR, PUBLISHER, CONTENT_PROVIDER, TECHNICAL_IMPLEMENTER, NARRATOR',
  })
  role!:
    | 'AUTHOR'
    | 'EDITOR'
    | 'PUBLISHER'
    | 'CONTENT_PROVIDER'
    | 'TECHNICAL_IMPLEMENTER'
    | 'NARRATOR';

  @Field({ nullable: true, description: '机构 / organisation' })
  organization?: string;
}

@InputType({ description: '可编辑的资源信息 / editable resource metadata' })
export class ResourceFieldsInput {
  @Field({ nullable: true, description: '标题（1–200 字）/ title' })
  title?: string;
  @Field(() => String, { nullable: true, description: '副标题 / subtitle' })
  subtitle?: string | null;
  @Field(() => String, { nullable: true, description: '简介（≤500 字）/ summary' })
  summary?: string | null;
  @Field(() => String, { nullable: true, description: '详细介绍 / description' })
  description?: string | null;
  @Field(() => [String], { nullable: true, description: '关键词（≤30 个）/ keywords' })
  keywords?: string[];
  @Field(() => [CategoryEnum], { nullable: true, description: '分类 / categories' })
  categories?: Category[];
  @Field(() => [AudienceEnum], { nullable: true, description: '适用人群 / audiences' })
  audiences?: Audience[];
  @Field({ nullable: true, description: '语言，如 zh-CN / language' })
  language?: string;
  @Field(() => Int, { nullable: true, description: '时长（秒）/ duration in seconds' })
  durationSeconds?: number | null;
  @Field(() => DifficultyEnum, { nullable: true, description: '难度 / difficulty' })
  difficulty?: DifficultyEnum | null;
  @Field(() => Float, { nullable: true, description: '建议学时 / suggested credit hours' })
  creditHours?: number | null;
  @Field(() => LicenseEnum, { nullable: true, description: '许可协议 / licence' })
  license?: License;
  @Field(() => [CreatorCreditInput], { nullable: true, description: '署名 / credits' })
  creators?: CreatorCreditInput[];
  @Field(() => String, { nullable: true, description: '外部链接 / external URL' })
  linkUrl?: string | null;
  @Field(() => String, { nullable: true, description: '封面图片地址 / cover image URL' })
  coverUrl?: string | null;
  @Field(() => VisibilityEnum, { nullable: true, description: '可见范围 / visibility' })
  visibility?: VisibilityEnum;
}

@InputType({ description: '新建资源（草稿）/ create a resource (as a draft)' })
export class CreateResourceInput extends ResourceFieldsInput {
  @Field(() => ResourceKindEnum, { description: '类型 / kind' })
  kind!: ResourceKindEnum;

  @Field(() => ID, {
    nullable: true,
    description: '所属单位（默认本人单位）/ owning unit (default: your unit)',
  })
  ownerUnitId?: string;

  @Field({
    nullable: true,
    description:
      '幂等键：网络重试时用同一个键，不会重复创建 / idempotency key: retries with the same key create nothing twice',
  })
  idempotencyKey?: string;
}

@InputType({ description: '修改草稿 / edit a draft' })
export class UpdateResourceInput extends ResourceFieldsInput {
  @Field(() => ID, { description: '资源 / resource' })
  id!: string;

  @Field(() => Int, {
    description:
      '编辑时看到的版本号；已被他人修改则冲突 / the version you edited; CONFLICT if it changed',
  })
  expectedVersion!: number;
}

@InputType({ description: '审核流程操作 / a workflow step' })
export class ResourceTransitionInput {
  @Field(() => ID, { description: '资源 / resource' })
  id!: string;

  @Field(() => Int, { description: '当前版本号 / the version you saw' })
  expectedVersion!: number;

  @Field({ nullable: true, description: '意见（退回时必填）/ comment (required to send back)' })
  comment?: string;
}

@InputType({ description: '资源筛选 / resource filter' })
export class ResourceFilterInput {
  @Field(() => [ResourceKindEnum], { nullable: true, description: '类型 / kinds' })
  kinds?: ResourceKindEnum[];
  @Field(() => [ResourceStatusEnum], { nullable: true, description: '状态 / statuses' })
  statuses?: ResourceStatusEnum[];
  @Field(() => ID, { nullable: true, description: '所属单位 / owning unit' })
  ownerUnitId?: string;
  @Field(() => ID, {
    nullable: true,
    description: '此单位及其下级单位的资源 / owned by this unit or any unit below it',
  })
  withinUnitId?: string;
  @Field(() => ID, {
    nullable: true,
    description: '只看此系列的分集 / only episodes of this series',
  })
  seriesId?: string;
  @Field(() => [CategoryEnum], {
    nullable: true,
    description: '分类（任一）/ any of these categories',
  })
  categories?: Category[];
  @Field(() => [AudienceEnum], {
    nullable: true,
    description: '适用人群（任一）/ any of these audiences',
  })
  audiences?: Audience[];
  @Field(() => [LicenseEnum], { nullable: true, description: '许可协议 / licences' })
  licenses?: License[];
  @Field({ nullable: true, description: '语言 / language' })
  language?: string;
  @Field({ nullable: true, description: '更新时间不早于 / updated at or after' })
  updatedFrom?: Date;
  @Field({ nullable: true, description: '更新时间不晚于 / updated at or before' })
  updatedTo?: Date;
}

@InputType({ description: '排序 / ordering' })
export class ResourceOrderInput {
  @Field(() => ResourceOrderField, {
    defaultValue: ResourceOrderField.UPDATED_AT,
    description: '字段 / field',
  })
  field!: ResourceOrderField;
  @Field(() => OrderDirection, {
    defaultValue: OrderDirection.DESC,
    description: '方向 / direction',
  })
  direction!: OrderDirection;
}

@ArgsType()
export class ResourcesArgs {
  @Field(() => ResourceFilterInput, { nullable: true, description: '筛选 / filter' })
  filter?: ResourceFilterInput;
  @Field(() => ResourceOrderInput, {
    nullable: true,
    description: '排序（默认最近更新在前）/ order (default: recently updated first)',
  })
  orderBy?: ResourceOrderInput;
  @Field(() => Int, {
    nullable: true,
    description: '取前若干项（0–100；与 last 二选一，默认 20）/ first N (0–100; default 20)',
  })
  first?: number;
  @Field({ nullable: true, description: '从此游标之后 / after this cursor' })
  after?: string;
  @Field(() => Int, {
    nullable: true,
    description:
      '取后若干项（0–100），与 before 配合向前翻页 / last N, to page backwards with before',
  })
  last?: number;
  @Field({ nullable: true, description: '在此游标之前 / before this cursor' })
  before?: string;
}
