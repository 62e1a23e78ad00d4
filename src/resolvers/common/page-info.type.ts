import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: '分页信息（Relay 规范）/ Relay pagination info' })
export class PageInfo {
  @Field({ description: '是否还有下一页 / whether more items follow' })
  hasNextPage!: boolean;

  @Field({ description: '是否还有上一页 / whether items precede' })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: '本页第一项的游标 / cursor of the first item',
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '本页最后一项的游标 / cursor of the last item',
  })
  endCursor!: string | null;
}
