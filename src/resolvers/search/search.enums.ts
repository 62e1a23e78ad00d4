import { registerEnumType } from 'type-graphql';

export enum SearchSortEnum {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  MOST_ADOPTED = 'MOST_ADOPTED',
}
registerEnumType(SearchSortEnum, {
  name: 'SearchSort',
  description: '搜索结果排序 / order of search results',
  valuesConfig: {
    RELEVANCE: { description: '相关度（有搜索词时的默认）/ relevance (default with query text)' },
    NEWEST: {
      description:
        '最近更新（无搜索词时的默认）/ most recently updated (default without query text)',
    },
    MOST_ADOPTED: { description: '被采用最多 / most adopted by other units' },
  },
});

export enum SearchItemTypeEnum {
  RESOURCE = 'RESOURCE',
  SERIES = 'SERIES',
}
registerEnumType(SearchItemTypeEnum, {
  name: 'SearchItemType',
  description: '搜索结果的种类 / kind of search result',
  valuesConfig: {
    RESOURCE: { description: '资源 / a resource' },
    SERIES: { description: '系列 / a series' },
  },
});

export enum SearchFacetFieldEnum {
  TYPE = 'TYPE',
  KIND = 'KIND',
  CATEGORY = 'CATEGORY',
  AUDIENCE = 'AUDIENCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  SERIES = 'SERIES',
  LICENSE = 'LICENSE',
  LANGUAGE = 'LANGUAGE',
}
registerEnumType(SearchFacetFieldEnum, {
  name: 'SearchFacetField',
  description: '可统计分面的字段 / fields that can be counted as facets',
  valuesConfig: {
    TYPE: { description: '资源或系列 / resource or series' },
    KIND: { description: '资源类型（系列不计）/ resource kind (series not counted)' },
    CATEGORY: { description: '课程分类 / subject category' },
    AUDIENCE: { description: '适用人群 / target audience' },
    CITY: { description: '所属市（值为区划代码）/ owning city (value: division code)' },
    COUNTY: { description: '所属县区（值为区划代码）/ owning county (value: division code)' },
    SERIES: { description: '所属系列（值为系列标识）/ containing series (value: series id)' },
    LICENSE: { description: '许可协议（系列不计）/ licence (series not counted)' },
    LANGUAGE: { description: '语言 / language' },
  },
});
