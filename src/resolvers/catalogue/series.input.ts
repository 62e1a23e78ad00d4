import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { VisibilityEnum } from './catalogue.enums';

@InputType({ description: '系列的可编辑信息 / editable series fields' })
export class SeriesFieldsInput {
  @Field({ nullable: true, description: '标题 / title' })
  title?: string;
  @Field(() => String, { nullable: true, description: '副标题 / subtitle' })
  subtitle?: string | null;
  @Field(() => String, { nullable: true, description: '介绍 / description' })
  description?: string | null;
  @Field(() => [String], { nullable: true, description: '主题标签 / theme tags' })
  themeTags?: string[];
  @Field(() => String, { nullable: true, description: '封面图片地址 / cover image URL' })
  coverUrl?: string | null;
  @Field(() => VisibilityEnum, { nullable: true, description: '可见范围 / visibility' })
  visibility?: VisibilityEnum;
  @Field(() => [ID], {
    nullable: true,
    description: '分集资源，按顺序（整体替换）/ episode resources in order (replaces the list)',
  })
  episodeIds?: string[];
}

@InputType({ description: '新建系列（草稿）/ create a series (as a draft)' })
export class CreateSeriesInput extends SeriesFieldsInput {
  @Field(() => ID, { nullable: true, description: '所属单位（默认本人单位）/ owning unit' })
  ownerUnitId?: string;
  @Field({ nullable: true, description: '幂等键 / idempotency key' })
  idempotencyKey?: string;
}

@InputType({ description: '修改系列 / edit a series' })
export class UpdateSeriesInput extends SeriesFieldsInput {
  @Field(() => ID, { description: '系列 / series' })
  id!: string;
  @Field(() => Int, { description: '编辑时看到的版本号 / the version you edited' })
  expectedVersion!: number;
}

@InputType({ description: '系列的审核流程操作 / a workflow step on a series' })
export class SeriesTransitionInput {
  @Field(() => ID, { description: '系列 / series' })
  id!: string;
  @Field(() => Int, { description: '当前版本号 / the version you saw' })
  expectedVersion!: number;
  @Field({ nullable: true, description: '意见（退回时必填）/ comment (required to send back)' })
  comment?: string;
}

@ArgsType()
export class SeriesListArgs {
  @Field(() => ID, { nullable: true, description: '所属单位 / owning unit' })
  ownerUnitId?: string;
  @Field(() => ID, {
    nullable: true,
    description: '此单位及其下级的系列 / owned by this unit or below',
  })
  withinUnitId?: string;
  @Field({ nullable: true, description: '含此主题标签 / with this theme tag' })
  themeTag?: string;
  @Field(() => Int, {
    nullable: true,
    defaultValue: 20,
    description: '每页数量（0–100）/ page size',
  })
  first!: number;
  @Field({ nullable: true, description: '从此游标之后 / after this cursor' })
  after?: string;
}
