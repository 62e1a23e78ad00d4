import type { FileHandle } from 'node:fs/promises';

const MAX_MOOV_BYTES = 64 * 1024 * 1024;

/**
 * Reads the movie duration (seconds) from the `moov/mvhd` box of an ISO BMFF
 * file (mp4, m4a, mov) by walking top-level box headers with seeks: only the
 * header bytes and the `moov` box are read, wherever `moov` is placed. Used
 * because music-metadata reports no duration for video-only mp4 files.
 */
export async function readMp4Duration(
  fh: FileHandle,
  fileSize: number,
): Promise<number | undefined> {
  let offset = 0;
  const header = Buffer.alloc(16);
  while (offset + 8 <= fileSize) {
    await fh.read(header, 0, 16, offset);
    let size = header.readUInt32BE(0);
    const type = header.toString('latin1', 4, 8);
    let headerLen = 8;
    if (size === 1) {
      size = Number(header.readBigUInt64BE(8));
      headerLen = 16;
    } else if (size === 0) size = fileSize - offset;
    if (size < headerLen) return undefined;
    if (type === 'moov') {
      const len = Math.min(size - headerLen, MAX_MOOV_BYTES, fileSize - offset - headerLen);
      const moov = Buffer.alloc(len);
      await fh.read(moov, 0, len, offset + headerLen);
      return mvhdDuration(moov);
    }
    offset += size;
  }
  return undefined;
}

function mvhdDuration(moov: Buffer): number | undefined {
  let p = 0;
  while (p + 8 <= moov.length) {
    const size = moov.readUInt32BE(p);
    const type = moov.toString('latin1', p + 4, p + 8);
    if (size < 8) return undefined;
    if (type === 'mvhd' && p + 32 <= moov.length) {
      const version = moov[p + 8];
      if (version === 1 && p + 44 <= moov.length) {
        const timescale = moov.readUInt32BE(p + 28);
        const duration = Number(moov.readBigUInt64BE(p + 32));
        return timescale > 0 ? duration / timescale : undefined;
      }
      const timescale = moov.readUInt32BE(p + 20);
      const duration = moov.readUInt32BE(p + 24);
      return timescale > 0 ? duration / timescale : undefined;
    }
    p += size;
  }
  return undefined;
}
