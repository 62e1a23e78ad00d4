import { registerEnumType } from 'type-graphql';

export enum UploadKindEnum {
  PACKAGE = 'PACKAGE',
  VIDEO = 'VIDEO',
  AUDIO = 'AUDIO',
  DOCUMENT = 'DOCUMENT',
  IMAGE = 'IMAGE',
}
registerEnumType(UploadKindEnum, {
  name: 'UploadKind',
  description:
    '上传内容的类型（各有大小上限）/ kind of uploaded content (each with its size limit)',
  valuesConfig: {
    PACKAGE: {
      description: '课件包（zip：SCORM、IMS CC/CP、cmi5、xAPI、HTML5）/ courseware package',
    },
    VIDEO: { description: '视频 / video' },
    AUDIO: { description: '音频 / audio' },
    DOCUMENT: { description: '文档（PDF）/ document (PDF)' },
    IMAGE: { description: '图片 / image' },
  },
});

export enum UploadStatusEnum {
  PENDING = 'PENDING',
  COMPLETED = 'COMPLETED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
  ABORTED = 'ABORTED',
}
registerEnumType(UploadStatusEnum, {
  name: 'UploadStatus',
  description: '上传状态 / upload status',
  valuesConfig: {
    PENDING: { description: '等待上传内容 / waiting for the bytes' },
    COMPLETED: {
      description: '已收齐并通过检查，正在或已经入库 / received and checked; ingestion queued',
    },
    REJECTED: { description: '内容与声明不符或被拒绝 / refused (mismatch or hostile content)' },
    EXPIRED: { description: '超时未完成，已清理 / abandoned and swept' },
    ABORTED: { description: '已取消 / cancelled by the uploader' },
  },
});

export enum UploadModeEnum {
  SINGLE = 'SINGLE',
  MULTIPART = 'MULTIPART',
}
registerEnumType(UploadModeEnum, {
  name: 'UploadMode',
  description: '上传方式 / how the bytes are sent',
  valuesConfig: {
    SINGLE: { description: '一次 PUT / one presigned PUT' },
    MULTIPART: { description: '分片上传，可断点续传 / multipart, resumable' },
  },
});

export enum IngestJobStatusEnum {
  PENDING = 'PENDING',
  PROCESSING = 'PROCESSING',
  READY = 'READY',
  FAILED = 'FAILED',
}
registerEnumType(IngestJobStatusEnum, {
  name: 'IngestJobStatus',
  description: '入库任务状态 / ingestion job status',
  valuesConfig: {
    PENDING: { description: '排队或等待重试 / queued or waiting to retry' },
    PROCESSING: { description: '处理中 / being processed' },
    READY: { description: '已完成，资源可用 / done; the resource has the content' },
    FAILED: { description: '失败，见 failures / failed, see failures' },
  },
});

export enum PackageFormatEnum {
  SCORM12 = 'scorm12',
  SCORM2004 = 'scorm2004',
  IMSCC = 'imscc',
  IMSCP = 'imscp',
  CMI5 = 'cmi5',
  XAPI = 'xapi',
  HTML5 = 'html5',
}
registerEnumType(PackageFormatEnum, {
  name: 'PackageFormat',
  description: '课件包格式 / courseware package format',
  valuesConfig: {
    SCORM12: { description: 'SCORM 1.2' },
    SCORM2004: { description: 'SCORM 2004（第 2–4 版）/ SCORM 2004 (2nd–4th edition)' },
    IMSCC: { description: 'IMS 通用课程包 / IMS Common Cartridge' },
    IMSCP: { description: 'IMS 内容包 / IMS Content Packaging' },
    CMI5: { description: 'cmi5' },
    XAPI: { description: 'xAPI（Tin Can）包 / xAPI (Tin Can) package' },
    HTML5: { description: '普通 HTML5 课件 / plain HTML5 content' },
  },
});
