import { open } from 'node:fs/promises';
import * as mm from 'music-metadata';
import { IngestError } from '../errors';
import { type MediaKind, SNIFF_BYTES, sniffMediaType } from './magic-bytes';
import { readMp4Duration } from './mp4-duration';

/** Result of {@link inspectMedia}. */
export interface MediaInspection {
  kind: MediaKind;
  mime: string;
  ext: string;
  /** File size in bytes. */
  size: number;
  /** Duration in seconds, when the container headers state it (never by scanning the file). */
  durationSeconds?: number;
  /** Container/codec details from music-metadata, when read. */
  container?: string;
  codec?: string;
  sampleRate?: number;
  numberOfChannels?: number;
  bitrate?: number;
  /** Title tag, when present. */
  title?: string;
}

/**
 * Identifies a standalone media file by its magic bytes (never its name)
 * and, for audio and ISO-BMFF video, reads the duration from the headers
 * (ISO BMFF: our own `mvhd` reader, since music-metadata gives none for video-only mp4)
 * with music-metadata (`duration: false`: no full scan; MP3 without a
 * Xing/VBRI header therefore has no duration). Header-parsing failures are
 * not fatal: the type and size are still returned.
 *
 * @throws IngestError MEDIA_UNKNOWN_TYPE when the bytes match no known type.
 */
export async function inspectMedia(filePath: string): Promise<MediaInspection> {
  let head: Buffer;
  let size: number;
  let boxDuration: number | undefined;
  const fh = await open(filePath, 'r').catch((err: Error) => {
    throw new IngestError('FILE_UNREADABLE', '无法读取文件', `Cannot read file: ${err.message}`);
  });
  try {
    size = (await fh.stat()).size;
    head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    await fh.read(head, 0, head.length, 0);
    if (head.toString('latin1', 4, 8) === 'ftyp')
      boxDuration = await readMp4Duration(fh, size).catch(() => undefined);
  } finally {
    await fh.close();
  }
  const type = sniffMediaType(head);
  if (!type) {
    throw new IngestError(
      'MEDIA_UNKNOWN_TYPE',
      '无法识别的媒体文件类型',
      'Unrecognised media file type (checked by content, not by name)',
      { size },
    );
  }
  const result: MediaInspection = { ...type, size };
  if (boxDuration !== undefined && Number.isFinite(boxDuration))
    result.durationSeconds = boxDuration;
  const wantsHeaders =
    type.kind === 'audio' || type.ext === 'mp4' || type.ext === 'mov' || type.ext === 'm4a';
  if (!wantsHeaders) return result;
  try {
    const meta = await mm.parseFile(filePath, {
      duration: false,
      skipCovers: true,
      skipPostHeaders: true,
    });
    const f = meta.format;
    if (
      result.durationSeconds === undefined &&
      typeof f.duration === 'number' &&
      Number.isFinite(f.duration)
    ) {
      result.durationSeconds = f.duration;
    }
    if (f.container) result.container = f.container;
    if (f.codec) result.codec = f.codec;
    if (f.sampleRate) result.sampleRate = f.sampleRate;
    if (f.numberOfChannels) result.numberOfChannels = f.numberOfChannels;
    if (f.bitrate) result.bitrate = f.bitrate;
    if (meta.common.title) result.title = meta.common.title;
  } catch {
    // Damaged or exotic headers: type and size are still useful.
  }
  return result;
}
