import { Field, Float, Int, ObjectType, createUnionType } from 'type-graphql';
import { PageInfo } from '../common/page-info.type';
import { Resource } from '../catalogue/resource.type';
import { Series } from '../catalogue/series.type';
import { SearchFacetFieldEnum } from './search.enums';

export const SearchItemUnion = createUnionType({
  name: 'SearchItem',
  description: '搜索命中的资源或系列 / a resource or series found by search',
  types: () => [Resource, Series] as const,
  resolveType: (value) => ('episodeInternalIds' in value ? Series : Resource),
});

@ObjectType({
  description:
    '高亮片段：命中词以 <em> 标出，其余已做 HTML 转义 / snippets with matched words in <em>, the rest HTML-escaped',
})
export class SearchHighlights {
  @Field(() => String, { nullable: true, description: '标题 / title' })
  title!: string | null;

  @Field(() => String, { nullable: true, description: '简介 / summary' })
  summary!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '介绍（截取命中附近）/ description, cropped around the match',
  })
  description!: string | null;
}

@ObjectType({ description: '一条搜索结果 / one search result' })
export class SearchHit {
  @Field(() => SearchItemUnion, { description: '命中的资源或系列 / the resource or series' })
  item!: Resource | Series;

  @Field(() => SearchHighlights, { description: '高亮片段 / highlighted snippets' })
  highlights!: SearchHighlights;

  @Field(() => Float, {
    nullable: true,
    description:
      '相关度，仅在同一次搜索内可比；浏览时为空 / relevance, comparable within one response only; null when browsing',
  })
  score!: number | null;
}

@ObjectType({ description: '搜索结果列表中的一项 / an edge in a list of search results' })
export class SearchEdge {
  @Field({ description: '游标 / cursor' })
  cursor!: string;

  @Field(() => SearchHit, { description: '搜索结果 / the result' })
  node!: SearchHit;
}

@ObjectType({ description: '分面中的一个值 / one value of a facet' })
export class SearchFacetValue {
  @Field({
    description:
      '可直接用于筛选的值（代码、区划代码或系列标识）/ the value as filters take it (code, division code or series id)',
  })
  value!: string;

  @Field({ description: '中文名称 / Chinese label' })
  label!: string;

  @Field(() => Int, {
    description: '带此值的可见结果数 / visible matches carrying this value',
  })
  count!: number;
}

@ObjectType({
  description:
    '一个分面：全部可见命中（不只本页）的取值统计 / a facet: value counts over all visible matches, not just this page',
})
export class SearchFacet {
  @Field(() => SearchFacetFieldEnum, { description: '字段 / field' })
  field!: SearchFacetFieldEnum;

  @Field(() => [SearchFacetValue], {
    description: '取值，按数量从多到少（最多 200 个）/ values, most frequent first (at most 200)',
  })
  values!: SearchFacetValue[];
}

@ObjectType({ description: '搜索结果 / search results' })
export class SearchConnection {
  @Field(() => Int, {
    description: '调用者可见的命中总数 / number of matches the caller may see',
  })
  totalCount!: number;

  @Field(() => [SearchEdge], { description: '本页各项 / edges' })
  edges!: SearchEdge[];

  @Field(() => [SearchHit], { description: '本页结果 / hits of this page' })
  hits!: SearchHit[];

  @Field(() => PageInfo, { description: '分页信息 / pagination info' })
  pageInfo!: PageInfo;

  @Field(() => [SearchFacet], { description: '所请求的分面 / the facets asked for' })
  facets!: SearchFacet[];
}
