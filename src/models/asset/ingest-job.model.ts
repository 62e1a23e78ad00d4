import { Schema, Types } from 'mongoose';

export const INGEST_JOB_STATUSES = ['PENDING', 'PROCESSING', 'READY', 'FAILED'] as const;
export type IngestJobStatus = (typeof INGEST_JOB_STATUSES)[number];

export interface IngestFailure {
  /** An IngestError code (PACKAGE_*, MEDIA_*), an UPLOAD_* code, or an AppError code. */
  code: string;
  message: string;
  /** JSON of safe-to-show details (entry names, sizes). */
  detailsJson: string | null;
  at: Date;
  /** Whether another attempt follows. */
  transient: boolean;
}

/**
 * Ingestion of one completed upload (unique `uploadId`: completing twice
 * cannot queue two jobs). The job document is bookkeeping, not the lock:
 * FerretDB 1.24 cannot compare-and-set it atomically, so the lock is the
 * claim document of the current attempt (see {@link IngestClaimDoc}).
 */
export interface IngestJobDoc {
  _id: Types.ObjectId;
  uploadId: Types.ObjectId;
  unitId: Types.ObjectId;
  unitPath: Types.ObjectId[];
  createdBy: Types.ObjectId;
  status: IngestJobStatus;
  /** Attempts claimed so far (the next claim is `<jobId>#<attempts + 1>`). */
  attempts: number;
  /** Not before this time (retry back-off). */
  nextRunAt: Date;
  /** Hint for pollers: until when the current claim holds (the claim is the authority). */
  leaseExpiresAt: Date | null;
  workerId: string | null;
  sha256: string | null;
  assetId: Types.ObjectId | null;
  packageId: Types.ObjectId | null;
  resourceId: Types.ObjectId | null;
  /** Set once the resource was created or updated, so a retry does not bump its version again. */
  resourceAppliedAt: Date | null;
  failures: IngestFailure[];
  warningCount: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const failureSchema = new Schema<IngestFailure>(
  {
    code: { type: String, required: true },
    message: { type: String, required: true },
    detailsJson: { type: String, default: null },
    at: { type: Date, required: true },
    transient: { type: Boolean, required: true },
  },
  { _id: false },
);

export const ingestJobSchema = new Schema<IngestJobDoc>(
  {
    uploadId: { type: Schema.Types.ObjectId, required: true },
    unitId: { type: Schema.Types.ObjectId, required: true },
    unitPath: { type: [Schema.Types.ObjectId], required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: INGEST_JOB_STATUSES, required: true },
    attempts: { type: Number, default: 0 },
    nextRunAt: { type: Date, required: true },
    leaseExpiresAt: { type: Date, default: null },
    workerId: { type: String, default: null },
    sha256: { type: String, default: null },
    assetId: { type: Schema.Types.ObjectId, default: null },
    packageId: { type: Schema.Types.ObjectId, default: null },
    resourceId: { type: Schema.Types.ObjectId, default: null },
    resourceAppliedAt: { type: Date, default: null },
    failures: { type: [failureSchema], default: [] },
    warningCount: { type: Number, default: 0 },
    startedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
  },
  { collection: 'ingest_jobs', timestamps: true, versionKey: false },
);
ingestJobSchema.index({ uploadId: 1 }, { unique: true });
ingestJobSchema.index({ status: 1 });
ingestJobSchema.index({ unitPath: 1 });

/**
 * A worker's exclusive right to run attempt `n` of a job: `_id` is
 * `<jobId>#<n>`. Inserting it is the only atomic step FerretDB 1.24 offers
 * (duplicate key 11000 for everyone else). Ids are never reused: when a
 * claim's lease runs out (its worker died), the next contender claims `n + 1`
 * instead of deleting and re-inserting `n`, which two contenders could
 * otherwise both do.
 */
export interface IngestClaimDoc {
  _id: string;
  jobId: Types.ObjectId;
  attempt: number;
  workerId: string;
  createdAt: Date;
  /** Extended by heartbeats of the owner while it works. */
  expiresAt: Date;
}

export const ingestClaimSchema = new Schema<IngestClaimDoc>(
  {
    _id: { type: String, required: true },
    jobId: { type: Schema.Types.ObjectId, required: true },
    attempt: { type: Number, required: true },
    workerId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'ingest_claims', versionKey: false },
);
ingestClaimSchema.index({ jobId: 1 });
