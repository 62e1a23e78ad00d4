import type { Logger } from 'pino';
import type { UploadRepository } from '../../models/asset/upload.repository';
import type { UploadService } from './upload.service';

export interface SweepResult {
  expired: number;
  /** Multipart uploads the store could not abort (s3rver cannot); their parts stay until a bucket lifecycle rule removes them. */
  abortUnsupported: number;
}

/**
 * Expires abandoned uploads. FerretDB has no TTL indexes, so this sweeps by
 * time: pending uploads past `expiresAt` have their multipart upload aborted,
 * their staged object and part records deleted, and are marked EXPIRED.
 * Idempotent, so several hub processes may sweep at once.
 */
export async function sweepExpiredUploads(
  uploads: UploadRepository,
  service: Pick<UploadService, 'discardStaged'>,
  log: Logger,
  now: Date,
  batch = 100,
): Promise<SweepResult> {
  const result: SweepResult = { expired: 0, abortUnsupported: 0 };
  for (const upload of await uploads.findExpired(now, batch)) {
    try {
      if ((await service.discardStaged(upload)) === 'unsupported') result.abortUnsupported += 1;
      await uploads.set(upload._id, { status: 'EXPIRED' });
      result.expired += 1;
    } catch (err) {
      log.warn({ err, uploadId: upload._id.toHexString() }, 'could not sweep upload');
    }
  }
  return result;
}
