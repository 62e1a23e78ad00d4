/**
 * Pure courseware ingestion core: safe zip reading, format detection,
 * manifest parsing and media sniffing. No database, no S3.
 */
export { inspectPackage } from './inspect-package';
export { inspectMedia, type MediaInspection } from './media/inspect-media';
export { sniffMediaType, SNIFF_BYTES, type MediaKind, type SniffedType } from './media/magic-bytes';
export { IngestError, isIngestError, type IngestErrorCode } from './errors';
export { DEFAULT_PACKAGE_LIMITS, resolveLimits, type PackageLimits } from './limits';
export {
  SafeZipReader,
  withSafeZip,
  type ZipEntryInfo,
  type ZipFileVisitor,
} from './zip/zip-reader';
export { isJunkPath } from './formats/locate';
export type * from './types';
