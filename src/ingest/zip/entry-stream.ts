import { Readable, Transform } from 'node:stream';
import { IngestError } from '../errors';

/**
 * Wraps a decompressed entry stream so that it can never yield more than
 * `limit` bytes (the declared size, itself already checked against the
 * limits): the enforcement is on the bytes actually produced, not only on
 * the sizes written in the central directory. Errors of the source stream are
 * mapped to {@link IngestError}s.
 */
export function limitEntryStream(source: Readable, entryName: string, limit: number): Readable {
  let seen = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) {
        callback(sizeMismatch(entryName, `more than ${limit} bytes`));
        return;
      }
      callback(null, chunk);
    },
  });
  source.on('error', (err) => guard.destroy(mapEntryStreamError(err, entryName)));
  guard.on('close', () => {
    if (!source.destroyed) source.destroy();
  });
  source.pipe(guard);
  return guard;
}

/** Maps a yauzl/zlib stream error to a typed error. */
export function mapEntryStreamError(err: unknown, entryName: string): IngestError {
  if (err instanceof IngestError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (/too many bytes|not enough bytes|size mismatch/i.test(message)) {
    return sizeMismatch(entryName, message);
  }
  return new IngestError(
    'PACKAGE_CORRUPT',
    `压缩包内文件“${entryName}”已损坏，无法解压`,
    `Entry "${entryName}" is corrupt and cannot be decompressed: ${message}`,
    { entry: entryName },
  );
}

function sizeMismatch(entryName: string, detail: string): IngestError {
  return new IngestError(
    'PACKAGE_SIZE_MISMATCH',
    `压缩包内文件“${entryName}”解压后的大小与声明不符`,
    `Entry "${entryName}" decompresses to a size other than declared (${detail})`,
    { entry: entryName },
  );
}

/** Reads a stream fully into memory, refusing more than `maxBytes`. */
export async function readAllLimited(
  stream: Readable,
  maxBytes: number,
  onTooLarge: () => Error,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    total += buf.length;
    if (total > maxBytes) {
      stream.destroy();
      throw onTooLarge();
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, total);
}
