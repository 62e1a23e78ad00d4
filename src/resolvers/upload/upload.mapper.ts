import { toGlobalId } from '../../graphql/global-id';
import type {
  EntryPoint as EntryPointData,
  InspectionWarning,
  Outline as OutlineData,
} from '../../ingest';
import type { AssetDoc } from '../../models/asset/asset.model';
import type { IngestJobDoc } from '../../models/asset/ingest-job.model';
import type { PackageDoc } from '../../models/asset/package.model';
import type { UploadDoc } from '../../models/asset/upload.model';
import type { IngestJob } from './ingest-job.type';
import type { Asset, CoursewarePackage, EntryPoint, Outline } from './package.type';
import {
  IngestJobStatusEnum,
  PackageFormatEnum,
  UploadKindEnum,
  UploadModeEnum,
  UploadStatusEnum,
} from './upload.enums';
import type { Upload } from './upload.type';

export function mapUpload(doc: UploadDoc): Upload {
  return {
    id: toGlobalId('Upload', doc._id),
    internalId: doc._id.toHexString(),
    jobInternalId: doc.jobId?.toHexString() ?? null,
    filename: doc.filename,
    size: doc.size,
    contentType: doc.contentType,
    kind: doc.kind as UploadKindEnum,
    sha256: doc.declaredSha256,
    status: doc.status as UploadStatusEnum,
    mode: doc.mode as UploadModeEnum,
    partSize: doc.partSize,
    partCount: doc.partCount,
    rejection: doc.rejection ? { code: doc.rejection.code, message: doc.rejection.message } : null,
    expiresAt: doc.expiresAt,
    completedAt: doc.completedAt,
    createdAt: doc.createdAt,
  };
}

export function mapJob(doc: IngestJobDoc): IngestJob {
  return {
    id: toGlobalId('IngestJob', doc._id),
    internalId: doc._id.toHexString(),
    uploadInternalId: doc.uploadId.toHexString(),
    assetInternalId: doc.assetId?.toHexString() ?? null,
    packageInternalId: doc.packageId?.toHexString() ?? null,
    resourceInternalId: doc.resourceId?.toHexString() ?? null,
    status: doc.status as IngestJobStatusEnum,
    attempts: doc.attempts,
    sha256: doc.sha256,
    warningCount: doc.warningCount,
    failures: doc.failures.map((f) => ({
      code: f.code,
      message: f.message,
      details: f.detailsJson,
      at: f.at,
      transient: f.transient,
    })),
    nextAttemptAt: doc.status === 'PENDING' ? doc.nextRunAt : null,
    startedAt: doc.startedAt,
    finishedAt: doc.finishedAt,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function mapAsset(doc: AssetDoc): Asset {
  return {
    internalId: doc._id.toHexString(),
    id: toGlobalId('Asset', doc._id),
    sha256: doc.sha256,
    size: doc.size,
    mediaType: doc.mediaType,
    kind: doc.kind as UploadKindEnum,
    originalFilename: doc.originalFilename,
    media: doc.media
      ? {
          kind: doc.media.kind,
          mime: doc.media.mime,
          durationSeconds: doc.media.durationSeconds,
          container: doc.media.container,
          codec: doc.media.codec,
          bitrate: doc.media.bitrate,
        }
      : null,
    createdAt: doc.createdAt,
  };
}

export function mapPackage(doc: PackageDoc): CoursewarePackage {
  const entries = JSON.parse(doc.entryPointsJson) as EntryPointData[];
  return {
    doc,
    id: toGlobalId('Package', doc._id),
    format: doc.format as PackageFormatEnum,
    formatVersion: doc.formatVersion,
    identifier: doc.identifier,
    title: doc.title,
    description: doc.description,
    language: doc.language,
    keywords: doc.keywords,
    lom: doc.metadataJson,
    defaultOutlineId: doc.defaultOutlineId,
    fileCount: doc.fileCount,
    totalSize: doc.totalSize,
    // Plain parsed objects: their property names are the GraphQL field names.
    outlines: JSON.parse(doc.outlinesJson) as OutlineData[] as Outline[],
    entryPoints: entries.map((e): EntryPoint => ({ ...e, pkg: doc, data: e })),
    warnings: JSON.parse(doc.warningsJson) as InspectionWarning[],
  };
}
