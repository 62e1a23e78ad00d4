import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    '为某个 API 密钥登记的查询（白名单）/ an operation registered for an API key (its safelist)',
})
export class PersistedOperation {
  @Field(() => ID, { description: 'API 密钥标识 / the API key’s id' })
  apiKeyId!: string;

  @Field({ description: '名称，如「首页最新资源」/ a name such as "home page latest"' })
  name!: string;

  @Field({
    description:
      '查询文本的 SHA-256（十六进制），即 persistedQuery.sha256Hash / SHA-256 of the query text (hex), as sent in persistedQuery.sha256Hash',
  })
  sha256!: string;

  @Field({ description: '查询文本 / the query text' })
  query!: string;

  @Field({ description: '登记时间 / registered at' })
  createdAt!: Date;
}

@ObjectType({ description: 'API 密钥的白名单状态 / safelist status of an API key' })
export class ApiKeySafelistStatus {
  @Field(() => ID, { description: 'API 密钥标识 / the API key’s id' })
  apiKeyId!: string;

  @Field({
    description: '是否只允许运行已登记的查询 / whether the key may run registered operations only',
  })
  safelistMode!: boolean;

  @Field(() => Int, { description: '已登记的查询数 / number of registered operations' })
  operationCount!: number;
}
