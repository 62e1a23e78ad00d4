import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import type { Audience, Category, License } from '../../models/catalogue/vocabulary';
import {
  AudienceEnum,
  CategoryEnum,
  LicenseEnum,
  ResourceKindEnum,
} from '../catalogue/catalogue.enums';
import { SearchFacetFieldEnum, SearchItemTypeEnum, SearchSortEnum } from './search.enums';

@InputType({ description: '整数区间（含端点）/ an integer range, bounds included' })
export class IntRangeInput {
  @Field(() => Int, { nullable: true, description: '下限 / lower bound' })
  min?: number | null;

  @Field(() => Int, { nullable: true, description: '上限 / upper bound' })
  max?: number | null;
}

@InputType({ description: '时间区间（含端点）/ a time range, bounds included' })
export class DateRangeInput {
  @Field(() => Date, { nullable: true, description: '起 / from' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: '止 / to' })
  to?: Date | null;
}

@InputType({
  description:
    '搜索筛选：不同字段之间为“且”，同一字段的多个值为“或”；每个列表最多 50 个值 / search filters: fields are ANDed, values within a field ORed; at most 50 values per list',
})
export class SearchFilterInput {
  @Field(() => [SearchItemTypeEnum], {
    nullable: true,
    description: '资源或系列 / resources or series',
  })
  types?: SearchItemTypeEnum[] | null;

  @Field(() => [ResourceKindEnum], { nullable: true, description: '资源类型 / resource kinds' })
  kinds?: ResourceKindEnum[] | null;

  @Field(() => [CategoryEnum], { nullable: true, description: '课程分类 / subject categories' })
  categories?: Category[] | null;

  @Field(() => [AudienceEnum], { nullable: true, description: '适用人群 / target audiences' })
  audiences?: Audience[] | null;

  @Field(() => [String], {
    nullable: true,
    description: '所属市的区划代码，如 140100 / division codes of owning cities, e.g. 140100',
  })
  cityCodes?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: '所属县区的区划代码，如 140105 / division codes of owning counties, e.g. 140105',
  })
  countyCodes?: string[] | null;

  @Field(() => [ID], { nullable: true, description: '所属系列 / containing series' })
  seriesIds?: string[] | null;

  @Field(() => [LicenseEnum], { nullable: true, description: '许可协议 / licences' })
  licenses?: License[] | null;

  @Field(() => [String], { nullable: true, description: '语言，如 zh-CN / languages, e.g. zh-CN' })
  languages?: string[] | null;

  @Field(() => IntRangeInput, { nullable: true, description: '时长（秒）/ duration in seconds' })
  durationSeconds?: IntRangeInput | null;

  @Field(() => DateRangeInput, { nullable: true, description: '更新时间 / last updated' })
  updatedAt?: DateRangeInput | null;
}

@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    nullable: true,
    description:
      '搜索词（≤100 字），支持简繁体、拼音与拼音首字母；为空时按筛选浏览 / query text (≤100 characters): Chinese (simplified or traditional), pinyin or pinyin initials; empty to browse by filters',
  })
  query?: string | null;

  @Field(() => SearchFilterInput, { nullable: true, description: '筛选 / filters' })
  filter?: SearchFilterInput | null;

  @Field(() => [SearchFacetFieldEnum], {
    nullable: true,
    description: '需要统计的分面 / facets to count over all matches',
  })
  facets?: SearchFacetFieldEnum[] | null;

  @Field(() => SearchSortEnum, { nullable: true, description: '排序 / order' })
  sort?: SearchSortEnum | null;

  @Field(() => Int, {
    defaultValue: 20,
    description: '每页数量（0–100）/ page size (0–100)',
  })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description:
      '从此游标之后开始（最多翻到第 1000 条）/ continue after this cursor (results are paged up to position 1000)',
  })
  after?: string | null;
}
