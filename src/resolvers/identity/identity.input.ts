import { Field, ID, InputType, Int } from 'type-graphql';
import { ApiKeyScopeEnum } from './identity.type';

@InputType({ description: '签发个人访问令牌 / issue a personal access token' })
export class CreateAccessTokenInput {
  @Field(() => ID, {
    nullable: true,
    description: '为哪位用户签发（默认本人）/ for which user (default: yourself)',
  })
  userId?: string;

  @Field({ description: '名称，如「办公室电脑」/ a name such as "office laptop"' })
  name!: string;

  @Field(() => Int, {
    nullable: true,
    description: '有效天数（1–3650，默认不过期）/ days until expiry (1–3650; default never)',
  })
  expiresInDays?: number;
}

@InputType({ description: '为门户签发 API 密钥 / issue an API key for a portal' })
export class CreateApiKeyInput {
  @Field(() => ID, { description: '密钥所属单位 / the unit that owns the key' })
  unitId!: string;

  @Field({ description: '名称，如「太原市民学习网」/ a name such as the portal’s' })
  name!: string;

  @Field(() => ApiKeyScopeEnum, { description: '读取范围 / what the key may read' })
  scope!: ApiKeyScopeEnum;

  @Field(() => [String], {
    nullable: true,
    description: '允许的浏览器来源，如 https://xuexi.example.cn / allowed browser origins',
  })
  allowedOrigins?: string[];
}
