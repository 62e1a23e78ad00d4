import type { Readable } from 'node:stream';
import { SafeZipReader, isJunkPath, type PackageLimits } from '../../ingest';
import { contentTypeForPath } from './content-types';
import type { ContentStore } from './content-store';

/** Entries up to this size are buffered so several small PUTs can be in flight at once. */
const SMALL_ENTRY_BYTES = 1024 * 1024;
/** Small PUTs in flight: bounds memory to about SMALL_ENTRY_BYTES × this. */
const SMALL_IN_FLIGHT = 16;

/**
 * Extracts a vetted zip into S3 under `prefix`, reading entries one at a
 * time in archive order. Large entries are decompressed as a stream straight
 * into their PUT (the size is known from the central directory and enforced
 * on the bytes by the zip reader), so memory stays flat whatever the package
 * size; small entries (most of a web package) are buffered and sent several
 * at once, since one round trip each would dominate. Returns the number of files.
 */
export async function extractPackage(
  filePath: string,
  prefix: string,
  store: ContentStore,
  limits: Partial<PackageLimits>,
  opts: { signal?: AbortSignal } = {},
): Promise<number> {
  const zip = await SafeZipReader.open(filePath, limits);
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  let files = 0;
  const track = (p: Promise<void>) => {
    const tracked = p
      .catch((err) => void (failure ??= err))
      .finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };
  try {
    await zip.forEachFile(async (entry, open) => {
      opts.signal?.throwIfAborted();
      if (failure) throw failure;
      if (isJunkPath(entry.name)) return;
      const key = prefix + entry.name;
      const type = contentTypeForPath(entry.name);
      files += 1;
      if (entry.size <= SMALL_ENTRY_BYTES) {
        const body = await readAll(await open());
        while (inFlight.size >= SMALL_IN_FLIGHT) await Promise.race(inFlight);
        track(store.putStream(key, body, body.length, type, opts.signal));
        return;
      }
      await putStreamed(store, key, await open(), entry.size, type, opts.signal);
    });
    await Promise.all(inFlight);
    if (failure) throw failure;
  } finally {
    await Promise.allSettled(inFlight);
    zip.close();
  }
  return files;
}

/** Collects a (small, size-checked by the zip reader) entry; its errors reject. */
async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The zip reader reports a lying entry as an error on the stream; the SDK
 * pipes bodies without forwarding stream errors, so abort the PUT ourselves
 * and surface the reader's error (PACKAGE_SIZE_MISMATCH …).
 */
async function putStreamed(
  store: ContentStore,
  key: string,
  stream: Readable,
  size: number,
  type: string,
  signal?: AbortSignal,
): Promise<void> {
  const abort = new AbortController();
  const onAbort = () => abort.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let streamError: unknown;
  stream.on('error', (err) => {
    streamError ??= err;
    abort.abort(err);
  });
  try {
    await store.putStream(key, stream, size, type, abort.signal);
  } catch (err) {
    throw streamError ?? err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (streamError) throw streamError;
}
