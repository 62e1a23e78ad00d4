import { registerEnumType } from 'type-graphql';
import { AUDIENCES, CATEGORIES, LICENSES } from '../../models/catalogue/vocabulary';

export enum ResourceKindEnum {
  COURSEWARE_PACKAGE = 'COURSEWARE_PACKAGE',
  VIDEO = 'VIDEO',
  AUDIO = 'AUDIO',
  DOCUMENT = 'DOCUMENT',
  IMAGE_SET = 'IMAGE_SET',
  LINK = 'LINK',
}
registerEnumType(ResourceKindEnum, {
  name: 'ResourceKind',
  description: '资源类型 / kind of resource',
  valuesConfig: {
    COURSEWARE_PACKAGE: {
      description: '课件包（SCORM、IMS CC、cmi5、xAPI、HTML5）/ courseware package',
    },
    VIDEO: { description: '视频 / video' },
    AUDIO: { description: '音频 / audio' },
    DOCUMENT: { description: '文档（PDF、演示文稿）/ document (PDF, slides)' },
    IMAGE_SET: { description: '图集 / image set' },
    LINK: { description: '外部链接 / external link' },
  },
});

export enum ResourceStatusEnum {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ResourceStatusEnum, {
  name: 'ResourceStatus',
  description: '审核流程状态 / review workflow status',
  valuesConfig: {
    DRAFT: { description: '草稿 / draft' },
    IN_REVIEW: { description: '待审核 / in review' },
    PUBLISHED: { description: '已发布 / published' },
    ARCHIVED: { description: '已归档 / archived' },
  },
});

export enum VisibilityEnum {
  PRIVATE = 'PRIVATE',
  SUBTREE = 'SUBTREE',
  PROVINCE = 'PROVINCE',
  PUBLIC = 'PUBLIC',
}
registerEnumType(VisibilityEnum, {
  name: 'Visibility',
  description: '谁能看到 / who may see it',
  valuesConfig: {
    PRIVATE: { description: '本单位及上级单位 / the owning unit and its ancestors' },
    SUBTREE: { description: '另加全部下级单位 / plus all units below it' },
    PROVINCE: { description: '全省登录单位 / every signed-in unit of the province' },
    PUBLIC: {
      description: '所有人，含匿名访客与门户 / everyone, including anonymous callers and portals',
    },
  },
});

export enum DifficultyEnum {
  INTRODUCTORY = 'INTRODUCTORY',
  INTERMEDIATE = 'INTERMEDIATE',
  ADVANCED = 'ADVANCED',
}
registerEnumType(DifficultyEnum, {
  name: 'Difficulty',
  description: '难度 / difficulty',
  valuesConfig: {
    INTRODUCTORY: { description: '入门 / introductory' },
    INTERMEDIATE: { description: '进阶 / intermediate' },
    ADVANCED: { description: '提高 / advanced' },
  },
});

function labelled<T extends Record<string, string>>(
  labels: T,
): Record<keyof T, { description: string }> {
  return Object.fromEntries(
    Object.entries(labels).map(([k, v]) => [k, { description: v }]),
  ) as Record<keyof T, { description: string }>;
}

export const CategoryEnum = Object.fromEntries(Object.keys(CATEGORIES).map((k) => [k, k])) as {
  [K in keyof typeof CATEGORIES]: K;
};
registerEnumType(CategoryEnum, {
  name: 'Category',
  description: '课程分类 / subject category',
  valuesConfig: labelled(CATEGORIES),
});

export const AudienceEnum = Object.fromEntries(Object.keys(AUDIENCES).map((k) => [k, k])) as {
  [K in keyof typeof AUDIENCES]: K;
};
registerEnumType(AudienceEnum, {
  name: 'Audience',
  description: '适用人群 / target audience',
  valuesConfig: labelled(AUDIENCES),
});

export const LicenseEnum = Object.fromEntries(Object.keys(LICENSES).map((k) => [k, k])) as {
  [K in keyof typeof LICENSES]: K;
};
registerEnumType(LicenseEnum, {
  name: 'License',
  description: '许可协议 / licence',
  valuesConfig: Object.fromEntries(
    Object.entries(LICENSES).map(([k, v]) => [
      k,
      {
        description: `${v.label}；${v.derivatives ? '允许改编' : '禁止改编'} / ${v.derivatives ? 'derivatives allowed' : 'no derivatives'}`,
      },
    ]),
  ) as Record<keyof typeof LICENSES, { description: string }>,
});

export enum ResourceOrderField {
  UPDATED_AT = 'UPDATED_AT',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(ResourceOrderField, {
  name: 'ResourceOrderField',
  description: '排序字段 / sort field',
});

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: '排序方向 / sort direction',
});

export enum WorkflowActionEnum {
  SUBMIT = 'SUBMIT',
  PUBLISH = 'PUBLISH',
  SEND_BACK = 'SEND_BACK',
  ARCHIVE = 'ARCHIVE',
}
registerEnumType(WorkflowActionEnum, {
  name: 'WorkflowAction',
  description: '审核流程操作 / review workflow step',
  valuesConfig: {
    SUBMIT: { description: '提交审核（作者）/ submit for review (author)' },
    PUBLISH: { description: '发布（审核员）/ publish (curator)' },
    SEND_BACK: { description: '退回修改（审核员，需意见）/ send back with a comment (curator)' },
    ARCHIVE: { description: '归档（审核员）/ archive (curator)' },
  },
});
