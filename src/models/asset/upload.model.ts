import { Schema, Types } from 'mongoose';
import type { UploadKindName } from '../../config';

export const UPLOAD_KINDS = ['PACKAGE', 'VIDEO', 'AUDIO', 'DOCUMENT', 'IMAGE'] as const;
export type UploadKind = UploadKindName;

/**
 * - PENDING: waiting for the client's bytes (and part reports);
 * - COMPLETED: bytes are in S3 and passed the size/type checks; a job ingests them;
 * - REJECTED: the bytes did not match what was declared (size, type, hash) or ingestion refused them;
 * - EXPIRED: abandoned, swept; ABORTED: cancelled by the client.
 */
export const UPLOAD_STATUSES = ['PENDING', 'COMPLETED', 'REJECTED', 'EXPIRED', 'ABORTED'] as const;
export type UploadStatus = (typeof UPLOAD_STATUSES)[number];

export interface UploadRejection {
  code: string;
  message: string;
}

/** One upload session: what the client declared, where the bytes are staged, how far it got. */
export interface UploadDoc {
  _id: Types.ObjectId;
  unitId: Types.ObjectId;
  /** Owner unit's ancestors then the unit: "uploads under 晋中市" is one equality match. */
  unitPath: Types.ObjectId[];
  createdBy: Types.ObjectId;
  filename: string;
  size: number;
  contentType: string;
  kind: UploadKind;
  /** Lowercase hex SHA-256 the client declared, checked against what arrived. */
  declaredSha256: string | null;
  mode: 'SINGLE' | 'MULTIPART';
  /** Staging object key (`staging/<uploadId>`); never the content-addressed key. */
  stagingKey: string;
  /** S3 multipart upload id (MULTIPART only). */
  s3UploadId: string | null;
  partSize: number;
  partCount: number;
  status: UploadStatus;
  /** An existing resource the content becomes a new version of. */
  targetResourceId: Types.ObjectId | null;
  /** Metadata the uploader gave, preferred over what the package says. */
  titleHint: string | null;
  rejection: UploadRejection | null;
  jobId: Types.ObjectId | null;
  expiresAt: Date;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const uploadSchema = new Schema<UploadDoc>(
  {
    unitId: { type: Schema.Types.ObjectId, required: true },
    unitPath: { type: [Schema.Types.ObjectId], required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    filename: { type: String, required: true },
    size: { type: Number, required: true },
    contentType: { type: String, required: true },
    kind: { type: String, enum: UPLOAD_KINDS, required: true },
    declaredSha256: { type: String, default: null },
    mode: { type: String, enum: ['SINGLE', 'MULTIPART'], required: true },
    stagingKey: { type: String, required: true },
    s3UploadId: { type: String, default: null },
    partSize: { type: Number, required: true },
    partCount: { type: Number, required: true },
    status: { type: String, enum: UPLOAD_STATUSES, required: true },
    targetResourceId: { type: Schema.Types.ObjectId, default: null },
    titleHint: { type: String, default: null },
    rejection: {
      type: new Schema<UploadRejection>(
        { code: { type: String, required: true }, message: { type: String, required: true } },
        { _id: false },
      ),
      default: null,
    },
    jobId: { type: Schema.Types.ObjectId, default: null },
    expiresAt: { type: Date, required: true },
    completedAt: { type: Date, default: null },
  },
  { collection: 'uploads', timestamps: true, versionKey: false },
);
uploadSchema.index({ unitPath: 1 });
// The sweeper's query: pending uploads past their expiry (FerretDB has no TTL indexes).
uploadSchema.index({ status: 1, expiresAt: 1 });

/**
 * A part the client reports as stored. `_id` is `<uploadId>#<partNumber>`, so
 * reporting the same part twice (a retry) overwrites rather than duplicates.
 * Kept by us because s3rver answers ListParts with MethodNotAllowed.
 */
export interface UploadPartDoc {
  _id: string;
  uploadId: Types.ObjectId;
  partNumber: number;
  size: number;
  etag: string;
  recordedAt: Date;
}

export const uploadPartSchema = new Schema<UploadPartDoc>(
  {
    _id: { type: String, required: true },
    uploadId: { type: Schema.Types.ObjectId, required: true },
    partNumber: { type: Number, required: true },
    size: { type: Number, required: true },
    etag: { type: String, required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'upload_parts', versionKey: false },
);
uploadPartSchema.index({ uploadId: 1 });
