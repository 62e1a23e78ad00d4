/**
 * Controlled vocabularies of the catalogue. Values are stable English codes
 * (stored, filtered, exported to LOM/Dublin Core); labels are what people read.
 */
export const RESOURCE_KINDS = [
  'COURSEWARE_PACKAGE',
  'VIDEO',
  'AUDIO',
  'DOCUMENT',
  'IMAGE_SET',
  'LINK',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const RESOURCE_STATUSES = ['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/** Subject categories fitting community education (社区教育课程分类). */
export const CATEGORIES = {
  VOCATIONAL_SKILLS: '职业技能',
  HEALTHY_LIVING: '健康生活',
  CIVILITY_ETIQUETTE: '文明礼仪',
  DEMOCRACY_LAW: '民主法治',
  TRADITIONAL_LOCAL_CULTURE: '传统文化与本土文化',
  SCIENCE_POPULARIZATION: '科学普及',
  FAMILY_EDUCATION: '家庭教育',
  ELDERLY_EDUCATION: '老年教育',
  AGRICULTURAL_TECHNIQUES: '农业实用技术',
  DIGITAL_LITERACY: '信息技术与数字素养',
  CULTURE_ARTS: '文化艺术',
  SPORTS_FITNESS: '体育健身',
  SAFETY_EMERGENCY: '安全与应急',
  ECOLOGY_ENVIRONMENT: '生态环保',
} as const;
export type Category = keyof typeof CATEGORIES;

export const AUDIENCES = {
  ELDERLY: '老年人',
  YOUTH: '青少年',
  RURAL_RESIDENTS: '农村居民',
  NEW_CITIZENS_MIGRANT_WORKERS: '新市民与外来务工人员',
  PEOPLE_WITH_DISABILITIES: '残障人士',
  UNEMPLOYED: '下岗失业人员',
  PARENTS: '家长',
  WOMEN: '妇女',
  VETERANS: '退役军人',
  ALL_RESIDENTS: '全体居民',
} as const;
export type Audience = keyof typeof AUDIENCES;

export const DIFFICULTIES = ['INTRODUCTORY', 'INTERMEDIATE', 'ADVANCED'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/**
 * Licences and what each permits. `derivatives` decides whether a unit may
 * fork (adapt) a resource; `commercial` is informational for portals.
 * Adoption (linking without copying) is allowed for all: it is use, not copying.
 */
export const LICENSES = {
  CC_BY: { label: '署名 4.0 (CC BY 4.0)', derivatives: true, shareAlike: false, commercial: true },
  CC_BY_SA: {
    label: '署名-相同方式共享 4.0 (CC BY-SA 4.0)',
    derivatives: true,
    shareAlike: true,
    commercial: true,
  },
  CC_BY_NC: {
    label: '署名-非商业性使用 4.0 (CC BY-NC 4.0)',
    derivatives: true,
    shareAlike: false,
    commercial: false,
  },
  CC_BY_NC_SA: {
    label: '署名-非商业性使用-相同方式共享 4.0 (CC BY-NC-SA 4.0)',
    derivatives: true,
    shareAlike: true,
    commercial: false,
  },
  CC_BY_ND: {
    label: '署名-禁止演绎 4.0 (CC BY-ND 4.0)',
    derivatives: false,
    shareAlike: false,
    commercial: true,
  },
  CC_BY_NC_ND: {
    label: '署名-非商业性使用-禁止演绎 4.0 (CC BY-NC-ND 4.0)',
    derivatives: false,
    shareAlike: false,
    commercial: false,
  },
  CC0: { label: '公共领域贡献 (CC0 1.0)', derivatives: true, shareAlike: false, commercial: true },
  ALL_RIGHTS_RESERVED: {
    label: '保留所有权利',
    derivatives: false,
    shareAlike: false,
    commercial: false,
  },
} as const;
export type License = keyof typeof LICENSES;
