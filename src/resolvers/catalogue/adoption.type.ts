import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OrgUnit } from '../org-unit/org-unit.type';
import { Resource, UserError } from './resource.type';
import { Series } from './series.type';

export enum AdoptableTypeEnum {
  RESOURCE = 'RESOURCE',
  SERIES = 'SERIES',
}
registerEnumType(AdoptableTypeEnum, {
  name: 'AdoptableType',
  description: '被采用内容的类型 / kind of adopted item',
});

@ObjectType({
  description:
    '一个单位对他人资源或系列的采用（不复制内容，保留署名）/ a unit’s adoption of another unit’s item (a link, not a copy)',
})
export class Adoption {
  @Field(() => ID, { description: '标识 / id' })
  id!: string;

  unitInternalId!: string;
  itemInternalId!: string;
  itemOwnerInternalId!: string;
  adoptedByInternalId!: string;

  @Field(() => AdoptableTypeEnum, { description: '内容类型 / item type' })
  itemType!: AdoptableTypeEnum;

  @Field(() => Int, { description: '采用时的版本 / version when adopted' })
  adoptedVersion!: number;

  @Field(() => Int, { description: '已确认的最新版本 / latest version acknowledged' })
  seenVersion!: number;

  @Field({ description: '采用时间 / adopted at' })
  createdAt!: Date;
}

@ObjectType({ description: '采用内容的更新通知 / an adopted item has a newer published version' })
export class AdoptionUpdate {
  @Field(() => Adoption, { description: '采用记录 / the adoption' })
  adoption!: Adoption;

  @Field(() => Int, { description: '当前发布的版本 / currently published version' })
  currentVersion!: number;
}

@ObjectType({ description: '采用操作的结果 / result of an adoption mutation' })
export class AdoptionPayload {
  @Field(() => Adoption, { nullable: true, description: '采用记录 / the adoption' })
  adoption!: Adoption | null;

  @Field(() => [UserError], { description: '预期内的错误 / expected failures' })
  userErrors!: UserError[];
}

@ObjectType({ description: '本单位目录的统计 / counts of my unit’s catalogue' })
export class CatalogueCounts {
  @Field(() => Int, { description: '本单位自有资源 / resources my unit owns' })
  own!: number;
  @Field(() => Int, { description: '本单位采用的内容 / items my unit adopted' })
  adopted!: number;
  @Field(() => Int, { description: '他人由本单位资源派生的资源 / forks of my unit’s resources' })
  forkedFromMine!: number;
  @Field(() => Int, { description: '他人对本单位内容的采用 / adoptions of my unit’s items' })
  adoptedFromMine!: number;
}

@ObjectType({
  description:
    '本单位的目录：自有、采用、被派生、被采用 / my unit’s catalogue: own, adopted, forked from mine, adopted from mine',
})
export class MyCatalogue {
  @Field(() => OrgUnit, { description: '本单位 / my unit' })
  unit!: OrgUnit;

  @Field(() => CatalogueCounts, { description: '统计 / counts' })
  counts!: CatalogueCounts;
}

export type AdoptedItem = Resource | Series;
