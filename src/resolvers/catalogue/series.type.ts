import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/page-info.type';
import { UserError } from './resource.type';
import { ResourceStatusEnum, VisibilityEnum } from './catalogue.enums';

@ObjectType({
  description:
    '地方文化系列（如 晋商文化、晋剧艺术），由有序的分集资源组成 / a local-culture series: ordered episodes',
})
export class Series {
  @Field(() => ID, { description: '全局标识 / global id' })
  id!: string;

  internalId!: string;
  ownerUnitInternalId!: string;
  episodeInternalIds!: string[];

  @Field({ description: '标题 / title' })
  title!: string;

  @Field(() => String, { nullable: true, description: '副标题 / subtitle' })
  subtitle!: string | null;

  @Field(() => String, { nullable: true, description: '介绍 / description' })
  description!: string | null;

  @Field(() => [String], { description: '主题标签，如 晋商、票号 / theme tags' })
  themeTags!: string[];

  @Field({ description: '所属地区的区划代码 / division code of the owning region' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: '封面图片地址 / cover image URL' })
  coverUrl!: string | null;

  @Field(() => VisibilityEnum, { description: '可见范围 / visibility' })
  visibility!: VisibilityEnum;

  @Field(() => ResourceStatusEnum, { description: '状态 / workflow status' })
  status!: ResourceStatusEnum;

  @Field(() => Int, { description: '版本号 / version' })
  version!: number;

  @Field(() => Date, { nullable: true, description: '发布时间 / published at' })
  publishedAt!: Date | null;

  @Field({ description: '创建时间 / created at' })
  createdAt!: Date;

  @Field({ description: '更新时间 / updated at' })
  updatedAt!: Date;
}

@ObjectType({ description: '系列列表中的一项 / an edge in a list of series' })
export class SeriesEdge {
  @Field({ description: '游标 / cursor' })
  cursor!: string;

  @Field(() => Series, { description: '系列 / the series' })
  node!: Series;
}

@ObjectType({ description: '系列的分页列表 / a page of series' })
export class SeriesConnection {
  @Field(() => [SeriesEdge], { description: '本页各项 / edges' })
  edges!: SeriesEdge[];

  @Field(() => [Series], { description: '本页系列 / nodes' })
  nodes!: Series[];

  @Field(() => PageInfo, { description: '分页信息 / pagination info' })
  pageInfo!: PageInfo;

  countFn!: () => Promise<number>;
}

@ObjectType({ description: '系列变更的结果 / result of a series mutation' })
export class SeriesPayload {
  @Field(() => Series, {
    nullable: true,
    description: '变更后的系列 / the series (null on failure)',
  })
  series!: Series | null;

  @Field(() => [UserError], { description: '预期内的错误 / expected failures' })
  userErrors!: UserError[];
}
