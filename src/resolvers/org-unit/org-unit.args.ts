import { ArgsType, Field, ID, Int } from 'type-graphql';
import { OrgLevelEnum } from './org-unit.type';

@ArgsType()
export class OrgUnitLookupArgs {
  @Field(() => ID, { nullable: true, description: '全局标识 / global id' })
  id?: string;

  @Field({ nullable: true, description: '行政区划代码，如 140100 / division code' })
  code?: string;
}

@ArgsType()
export class OrgUnitPageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 20,
    description: '每页数量（0–100）/ page size (0–100)',
  })
  first!: number;

  @Field({ nullable: true, description: '从此游标之后开始 / start after this cursor' })
  after?: string;
}

@ArgsType()
export class OrgUnitListArgs extends OrgUnitPageArgs {
  @Field(() => OrgLevelEnum, { nullable: true, description: '只看此层级 / only this tier' })
  level?: OrgLevelEnum;

  @Field(() => ID, {
    nullable: true,
    description: '只看此单位的直属下级 / only direct children of this unit',
  })
  parent?: string;

  @Field(() => ID, {
    nullable: true,
    description: '只看此单位之下的全部单位 / only units anywhere below this one',
  })
  within?: string;

  @Field({ nullable: true, description: '名称或代码包含此文字 / name or code contains this text' })
  search?: string;
}
