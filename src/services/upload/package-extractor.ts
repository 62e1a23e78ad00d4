import { SafeZipReader, isJunkPath, type PackageLimits } from '../../ingest';
import { contentTypeForPath } from './content-types';
import type { ContentStore } from './content-store';

/**
 * Extracts a vetted zip into S3 under `prefix`, one entry at a time: each
 * entry is decompressed as a stream straight into its PUT (its size is known
 * from the central directory and enforced on the bytes by the zip reader), so
 * memory stays flat whatever the package size. Returns the number of files.
 */
export async function extractPackage(
  filePath: string,
  prefix: string,
  store: ContentStore,
  limits: Partial<PackageLimits>,
  opts: { signal?: AbortSignal; onProgress?: (files: number) => void } = {},
): Promise<number> {
  const zip = await SafeZipReader.open(filePath, limits);
  let files = 0;
  try {
    await zip.forEachFile(async (entry, open) => {
      opts.signal?.throwIfAborted();
      if (isJunkPath(entry.name)) return;
      const stream = await open();
      // The zip reader reports a lying entry as an error on the stream; the
      // SDK pipes bodies without forwarding stream errors, so abort the PUT
      // ourselves and surface the reader's error (PACKAGE_SIZE_MISMATCH …).
      const abort = new AbortController();
      const onAbort = () => abort.abort(opts.signal?.reason);
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      let streamError: unknown;
      stream.on('error', (err) => {
        streamError ??= err;
        abort.abort(err);
      });
      try {
        await store.putStream(
          prefix + entry.name,
          stream,
          entry.size,
          contentTypeForPath(entry.name),
          abort.signal,
        );
      } catch (err) {
        throw streamError ?? err;
      } finally {
        opts.signal?.removeEventListener('abort', onAbort);
      }
      if (streamError) throw streamError;
      files += 1;
      opts.onProgress?.(files);
    });
  } finally {
    zip.close();
  }
  return files;
}
