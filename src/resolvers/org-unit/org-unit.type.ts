import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { OrgLevel } from '../../models/org-unit/org-unit.model';
import { PageInfo } from '../common/page-info.type';

export enum OrgLevelEnum {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}

registerEnumType(OrgLevelEnum, {
  name: 'OrgLevel',
  description: '社区教育网络的层级 / tier of the community-education network',
  valuesConfig: {
    PROVINCE: { description: '省社区教育指导中心 / provincial guidance centre' },
    CITY: { description: '社区大学（地市）/ city community university' },
    COUNTY: { description: '社区学院（县区）/ county community college' },
    TOWNSHIP: { description: '社区学校（乡镇街道）/ township community school' },
    VILLAGE: { description: '社区教育站点（村社区）/ village or community learning station' },
  },
});

export const LEVEL_LABELS: Record<OrgLevel, string> = {
  PROVINCE: '省社区教育指导中心',
  CITY: '社区大学',
  COUNTY: '社区学院',
  TOWNSHIP: '社区学校',
  VILLAGE: '社区教育站点',
};

@ObjectType({
  description:
    '社区教育单位（五级网络中的一个节点）/ a unit of the five-tier community-education network',
})
export class OrgUnit {
  @Field(() => ID, { description: '全局唯一标识（不透明）/ opaque global id' })
  id!: string;

  /** Hex ObjectId, for field resolvers; not exposed. */
  internalId!: string;
  parentInternalId!: string | null;
  ancestorInternalIds!: string[];

  @Field({ description: '行政区划代码，如 140100 / administrative division code, e.g. 140100' })
  code!: string;

  @Field({ description: '单位名称，如 太原社区大学 / unit name' })
  name!: string;

  @Field({ description: '所在行政区名称，如 太原市 / name of the administrative area' })
  regionName!: string;

  @Field(() => OrgLevelEnum, { description: '层级 / tier' })
  level!: OrgLevelEnum;

  @Field({ description: '层级的中文名称，如 社区大学 / Chinese label of the tier' })
  levelLabel!: string;

  @Field(() => Int, { description: '在树中的深度（省为 0）/ depth in the tree (province = 0)' })
  depth!: number;
}

@ObjectType({ description: '单位列表中的一项 / an edge in a list of units' })
export class OrgUnitEdge {
  @Field({ description: '游标 / cursor' })
  cursor!: string;

  @Field(() => OrgUnit, { description: '单位 / the unit' })
  node!: OrgUnit;
}

@ObjectType({ description: '单位的分页列表 / a page of units' })
export class OrgUnitConnection {
  @Field(() => [OrgUnitEdge], { description: '本页各项 / the edges of this page' })
  edges!: OrgUnitEdge[];

  @Field(() => [OrgUnit], { description: '本页的单位 / the units of this page' })
  nodes!: OrgUnit[];

  @Field(() => PageInfo, { description: '分页信息 / pagination info' })
  pageInfo!: PageInfo;

  /** Counting is a separate query, run only when the field is selected. */
  countFn!: () => Promise<number>;
}
