/**
 * Codes for uploads that are refused, as clients see them in `userErrors`,
 * `Upload.rejection` and `IngestJob.failures`. Ingestion adds the ingest
 * core's codes (PACKAGE_*, MEDIA_*).
 */
export type UploadProblemCode =
  /** The declared size is above the limit for the kind, or the stored object's size differs from it. */
  | 'UPLOAD_TOO_LARGE'
  | 'UPLOAD_SIZE_MISMATCH'
  /** The bytes are not of the declared kind/type (sniffed, never by name). */
  | 'UPLOAD_TYPE_MISMATCH'
  /** The SHA-256 of what arrived differs from the one declared. */
  | 'UPLOAD_SHA256_MISMATCH'
  /** completeUpload before every part was reported, or before the single PUT arrived. */
  | 'UPLOAD_INCOMPLETE'
  /** S3 refused to assemble the parts (an ETag does not match). */
  | 'UPLOAD_PART_INVALID'
  /** The staged bytes are gone (swept or deleted) before ingestion could read them. */
  | 'UPLOAD_MISSING'
  /** The upload is no longer pending (completed, rejected, expired or aborted). */
  | 'UPLOAD_NOT_PENDING'
  /** A job kept failing for transient reasons until its attempts ran out. */
  | 'INGEST_ATTEMPTS_EXHAUSTED'
  /** The resource named for a new version is not of the kind the content makes. */
  | 'RESOURCE_KIND_MISMATCH';

/** An expected refusal of an upload: becomes a userError (mutations) or a job failure (worker). */
export class UploadProblem extends Error {
  constructor(
    readonly code: UploadProblemCode,
    message: string,
    readonly field: string | null = null,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'UploadProblem';
  }
}
