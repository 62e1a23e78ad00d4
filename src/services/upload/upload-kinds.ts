import type { UploadKind } from '../../models/asset/upload.model';
import type { ResourceKind } from '../../models/catalogue/vocabulary';
import type { MediaKind } from '../../ingest';

/** Declared Content-Types accepted per kind; `application/octet-stream` is accepted for all (we sniff). */
export const ACCEPTED_TYPES: Record<UploadKind, readonly string[]> = {
  PACKAGE: [
    'application/zip',
    'application/x-zip-compressed',
    'application/vnd.ims.imsccv1p1',
    'application/vnd.ims.imsccv1p2',
    'application/vnd.ims.imsccv1p3',
    'application/xml',
    'text/xml',
  ],
  VIDEO: ['video/mp4', 'video/webm', 'video/quicktime', 'video/x-matroska', 'video/ogg'],
  AUDIO: [
    'audio/mpeg',
    'audio/mp4',
    'audio/x-m4a',
    'audio/wav',
    'audio/x-wav',
    'audio/ogg',
    'audio/flac',
    'audio/aac',
  ],
  DOCUMENT: ['application/pdf'],
  IMAGE: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
};

export function kindForContentType(contentType: string): UploadKind | undefined {
  for (const [kind, types] of Object.entries(ACCEPTED_TYPES) as Array<[UploadKind, string[]]>) {
    if (types.includes(contentType)) return kind;
  }
  return undefined;
}

/** The upload kind the sniffed bytes make. */
export const KIND_OF_SNIFFED: Record<MediaKind, UploadKind> = {
  archive: 'PACKAGE',
  video: 'VIDEO',
  audio: 'AUDIO',
  document: 'DOCUMENT',
  image: 'IMAGE',
};

/** The catalogue resource kind an ingested upload becomes. */
export const RESOURCE_KIND_OF: Record<UploadKind, ResourceKind> = {
  PACKAGE: 'COURSEWARE_PACKAGE',
  VIDEO: 'VIDEO',
  AUDIO: 'AUDIO',
  DOCUMENT: 'DOCUMENT',
  IMAGE: 'IMAGE_SET',
};

/** A bare cmi5 course structure (XML) is a package too: all its AUs are remote. */
export function looksLikeCourseStructure(head: Buffer): boolean {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  return /^\s*<(\?xml|courseStructure|!--)/.test(text) && /<courseStructure\b/.test(text);
}
