/**
 * Typed errors for courseware ingestion. Every failure carries a stable
 * `code` that callers (upload jobs, GraphQL) can map to user-facing text,
 * plus a bilingual human-readable message.
 */

/** Stable codes for packages and media that are refused. */
export type IngestErrorCode =
  /** The file is not a zip archive at all (no end-of-central-directory record). */
  | 'PACKAGE_NOT_A_ZIP'
  /** The zip structure is damaged (bad central directory, bad local header, unsupported compression). */
  | 'PACKAGE_CORRUPT'
  /** An entry name escapes the package root (`../`, absolute, drive letter, backslash, NUL, control chars). */
  | 'PACKAGE_PATH_TRAVERSAL'
  /** An entry is a symbolic link. */
  | 'PACKAGE_SYMLINK'
  /** Total (or single-entry) uncompressed size exceeds the limit. */
  | 'PACKAGE_TOO_LARGE'
  /** Compression ratio of an entry or of the whole package exceeds the limit (zip bomb). */
  | 'PACKAGE_RATIO'
  /** More entries than allowed. */
  | 'PACKAGE_TOO_MANY_ENTRIES'
  /** Two entries share compressed data (overlapping local ranges: non-recursive zip bomb). */
  | 'PACKAGE_OVERLAPPING_ENTRIES'
  /** An entry is encrypted. */
  | 'PACKAGE_ENCRYPTED'
  /** Two entries have the same name (exactly, or after Unicode NFC + case folding). */
  | 'PACKAGE_DUPLICATE_NAME'
  /** An entry uses a compression method other than stored/deflate. */
  | 'PACKAGE_UNSUPPORTED_COMPRESSION'
  /** Decompressed bytes do not match the declared size. */
  | 'PACKAGE_SIZE_MISMATCH'
  /** The manifest (or another XML metadata file) exceeds the manifest size limit. */
  | 'PACKAGE_MANIFEST_TOO_LARGE'
  /** The manifest is not well-formed XML, or lacks required structure. */
  | 'PACKAGE_MANIFEST_INVALID'
  /** The XML declares entities or an external DTD; refused rather than expanded. */
  | 'PACKAGE_XML_ENTITIES'
  /** Nothing in the package can be launched. */
  | 'PACKAGE_NO_LAUNCHABLE'
  /** The package format could not be recognised (or is recognised but unsupported, e.g. AICC). */
  | 'PACKAGE_UNKNOWN_FORMAT'
  /** cmi5: a course/block/AU identifier is not an absolute IRI. */
  | 'PACKAGE_INVALID_IDENTIFIER'
  /** cmi5: two blocks/AUs share an identifier. */
  | 'PACKAGE_DUPLICATE_IDENTIFIER'
  /** cmi5: an AU url is not a valid URL, or is relative in a bare course structure. */
  | 'PACKAGE_INVALID_LAUNCH_URL'
  /** cmi5: an AU url is relative but the file is absent from the package. */
  | 'PACKAGE_LAUNCH_FILE_MISSING'
  /** A media file's type could not be recognised from its bytes. */
  | 'MEDIA_UNKNOWN_TYPE'
  /** A file could not be read. */
  | 'FILE_UNREADABLE';

/** An ingestion failure with a stable code and a bilingual message. */
export class IngestError extends Error {
  /** Stable machine-readable code. */
  readonly code: IngestErrorCode;
  /** Chinese message for end users. */
  readonly messageZh: string;
  /** English message. */
  readonly messageEn: string;
  /** Extra, safe-to-show details (entry name, sizes, …). */
  readonly details?: Record<string, unknown>;

  constructor(
    code: IngestErrorCode,
    messageZh: string,
    messageEn: string,
    details?: Record<string, unknown>,
  ) {
    super(`${messageZh} / ${messageEn}`);
    this.name = 'IngestError';
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.details = details;
  }
}

/** True when `err` is an {@link IngestError}, optionally with the given code. */
export function isIngestError(err: unknown, code?: IngestErrorCode): err is IngestError {
  return err instanceof IngestError && (code === undefined || err.code === code);
}
