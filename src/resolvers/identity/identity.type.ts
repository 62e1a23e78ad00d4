import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { OrgUnit } from '../org-unit/org-unit.type';

export enum RoleEnum {
  ADMIN = 'ADMIN',
  CURATOR = 'CURATOR',
  AUTHOR = 'AUTHOR',
  MEMBER = 'MEMBER',
}
registerEnumType(RoleEnum, {
  name: 'Role',
  description: '用户在所属单位的角色 / a user’s role in their unit',
  valuesConfig: {
    ADMIN: {
      description:
        '管理员：管理本单位及下级单位的人员与凭证 / manages people and credentials of the unit and below',
    },
    CURATOR: {
      description:
        '审核员：审核发布本单位及下级单位的资源 / reviews and publishes content of the unit and below',
    },
    AUTHOR: { description: '作者：为本单位编写资源 / writes content for the unit' },
    MEMBER: { description: '成员：查看本单位内部资源 / reads the unit’s internal catalogue' },
  },
});

export enum ViewerKindEnum {
  ANONYMOUS = 'ANONYMOUS',
  USER = 'USER',
  PORTAL = 'PORTAL',
}
registerEnumType(ViewerKindEnum, {
  name: 'ViewerKind',
  description: '调用者类型 / kind of caller',
});

export enum ApiKeyScopeEnum {
  PUBLIC = 'PUBLIC',
  UNIT = 'UNIT',
}
registerEnumType(ApiKeyScopeEnum, {
  name: 'ApiKeyScope',
  description: 'API 密钥的读取范围 / what an API key may read',
  valuesConfig: {
    PUBLIC: { description: '公开目录 / the public catalogue' },
    UNIT: { description: '以所属单位的视角读取目录 / the catalogue as the key’s unit sees it' },
  },
});

export enum CredentialKindEnum {
  PERSONAL_TOKEN = 'PERSONAL_TOKEN',
  API_KEY = 'API_KEY',
}
registerEnumType(CredentialKindEnum, {
  name: 'CredentialKind',
  description: '凭证类型 / kind of credential',
});

@ObjectType({ description: '用户 / a person using the hub' })
export class User {
  @Field(() => ID, { description: '全局标识 / global id' })
  id!: string;

  unitInternalId!: string;

  @Field({ description: '登录名 / username' })
  username!: string;

  @Field({ description: '显示名称 / display name' })
  displayName!: string;

  @Field(() => [RoleEnum], { description: '角色 / roles' })
  roles!: RoleEnum[];
}

@ObjectType({ description: '当前调用者 / the current caller' })
export class ViewerInfo {
  @Field(() => ViewerKindEnum, { description: '调用者类型 / kind of caller' })
  kind!: ViewerKindEnum;

  @Field(() => User, { nullable: true, description: '登录的用户 / the signed-in user' })
  user!: User | null;

  @Field(() => OrgUnit, {
    nullable: true,
    description: '以其视角读取目录的单位 / the unit whose view the caller has',
  })
  unit!: OrgUnit | null;

  @Field(() => ApiKeyScopeEnum, {
    nullable: true,
    description: '门户密钥的范围 / scope of a portal key',
  })
  scope!: ApiKeyScopeEnum | null;
}

@ObjectType({
  description:
    '访问凭证（个人令牌或门户 API 密钥），不含密钥本身 / a credential, without its secret',
})
export class Credential {
  @Field(() => ID, { description: '全局标识 / global id' })
  id!: string;

  @Field(() => CredentialKindEnum, { description: '类型 / kind' })
  kind!: CredentialKindEnum;

  @Field({ description: '名称 / name' })
  name!: string;

  @Field({ description: '密钥前缀，便于辨认 / first characters of the secret' })
  prefix!: string;

  @Field(() => ApiKeyScopeEnum, { nullable: true, description: 'API 密钥的范围 / API key scope' })
  scope!: ApiKeyScopeEnum | null;

  @Field(() => [String], { description: '允许的浏览器来源 / allowed browser origins' })
  allowedOrigins!: string[];

  @Field({ description: '创建时间 / created at' })
  createdAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: '最近使用时间（约每分钟更新）/ last used (updated about once a minute)',
  })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '过期时间 / expires at' })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '撤销时间 / revoked at' })
  revokedAt!: Date | null;
}

@ObjectType({
  description:
    '新签发的凭证；密钥只显示这一次 / a newly issued credential; the secret is shown only once',
})
export class IssuedCredential {
  @Field({ description: '密钥，请立即妥善保存 / the secret: store it now, it is not shown again' })
  secret!: string;

  @Field(() => Credential, { description: '凭证信息 / the credential' })
  credential!: Credential;
}
