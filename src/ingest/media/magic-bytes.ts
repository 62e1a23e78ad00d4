/** Broad media category. */
export type MediaKind = 'video' | 'audio' | 'image' | 'document' | 'archive';

/** A type recognised from a file's first bytes. */
export interface SniffedType {
  kind: MediaKind;
  mime: string;
  /** Usual extension, without dot. */
  ext: string;
}

/** How many leading bytes {@link sniffMediaType} needs to see. */
export const SNIFF_BYTES = 4100;

const ascii = (buf: Buffer, offset: number, s: string) =>
  buf.length >= offset + s.length && buf.toString('latin1', offset, offset + s.length) === s;

const bytes = (buf: Buffer, offset: number, sig: number[]) =>
  buf.length >= offset + sig.length && sig.every((b, i) => buf[offset + i] === b);

/**
 * Recognises a file type from its leading bytes, never from its name.
 * Covers mp4/m4a/mov (ISO BMFF `ftyp`), webm/mkv (EBML), mp3 (ID3 tag or
 * MPEG audio frame sync), wav, ogg, flac, aac (ADTS), pdf, png, jpeg, gif,
 * webp and zip. Returns null when nothing matches.
 */
export function sniffMediaType(buf: Buffer): SniffedType | null {
  if (ascii(buf, 4, 'ftyp')) return isoBmff(buf);
  if (bytes(buf, 0, [0x1a, 0x45, 0xdf, 0xa3])) {
    const head = buf.toString('latin1', 0, Math.min(buf.length, 4096));
    return head.includes('webm')
      ? { kind: 'video', mime: 'video/webm', ext: 'webm' }
      : { kind: 'video', mime: 'video/x-matroska', ext: 'mkv' };
  }
  if (ascii(buf, 0, 'RIFF') && ascii(buf, 8, 'WAVE'))
    return { kind: 'audio', mime: 'audio/wav', ext: 'wav' };
  if (ascii(buf, 0, 'RIFF') && ascii(buf, 8, 'WEBP'))
    return { kind: 'image', mime: 'image/webp', ext: 'webp' };
  if (ascii(buf, 0, 'OggS')) {
    const head = buf.toString('latin1', 0, Math.min(buf.length, 128));
    if (head.includes('theora')) return { kind: 'video', mime: 'video/ogg', ext: 'ogv' };
    if (head.includes('OpusHead')) return { kind: 'audio', mime: 'audio/ogg', ext: 'opus' };
    return { kind: 'audio', mime: 'audio/ogg', ext: 'ogg' };
  }
  if (ascii(buf, 0, 'fLaC')) return { kind: 'audio', mime: 'audio/flac', ext: 'flac' };
  if (ascii(buf, 0, 'ID3')) return { kind: 'audio', mime: 'audio/mpeg', ext: 'mp3' };
  if (ascii(buf, 0, '%PDF-')) return { kind: 'document', mime: 'application/pdf', ext: 'pdf' };
  if (bytes(buf, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'image', mime: 'image/png', ext: 'png' };
  if (bytes(buf, 0, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg', ext: 'jpg' };
  if (ascii(buf, 0, 'GIF87a') || ascii(buf, 0, 'GIF89a'))
    return { kind: 'image', mime: 'image/gif', ext: 'gif' };
  if (bytes(buf, 0, [0x50, 0x4b, 0x03, 0x04]) || bytes(buf, 0, [0x50, 0x4b, 0x05, 0x06])) {
    return { kind: 'archive', mime: 'application/zip', ext: 'zip' };
  }
  // ADTS AAC: 12-bit sync 0xFFF, layer bits 00.
  if (buf.length >= 7 && buf[0] === 0xff && (buf[1] & 0xf6) === 0xf0) {
    return { kind: 'audio', mime: 'audio/aac', ext: 'aac' };
  }
  if (isMpegAudioFrame(buf, 0)) return { kind: 'audio', mime: 'audio/mpeg', ext: 'mp3' };
  return null;
}

function isoBmff(buf: Buffer): SniffedType {
  const brand = buf.toString('latin1', 8, 12);
  if (brand === 'qt  ') return { kind: 'video', mime: 'video/quicktime', ext: 'mov' };
  if (brand === 'M4A ' || brand === 'M4B ') return { kind: 'audio', mime: 'audio/mp4', ext: 'm4a' };
  return { kind: 'video', mime: 'video/mp4', ext: 'mp4' };
}

/**
 * MPEG-1/2 audio frame header (layer III) with sane bitrate and sample-rate
 * indexes; when the buffer holds enough data the following frame must also
 * start with a sync word, which rules out random 0xFFEx bytes.
 */
function isMpegAudioFrame(buf: Buffer, offset: number): boolean {
  if (buf.length < offset + 4) return false;
  const b1 = buf[offset + 1];
  const b2 = buf[offset + 2];
  if (buf[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 0x3; // 1 = reserved
  const layer = (b1 >> 1) & 0x3; // 1 = layer III
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 0x3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
    return false;
  const mpeg1 = version === 3;
  const bitrates = mpeg1
    ? [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
    : [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
  const rates =
    version === 3
      ? [44100, 48000, 32000]
      : version === 2
        ? [22050, 24000, 16000]
        : [11025, 12000, 8000];
  const padding = (b2 >> 1) & 0x1;
  const frameLength =
    Math.floor(((mpeg1 ? 144 : 72) * bitrates[bitrateIndex] * 1000) / rates[rateIndex]) + padding;
  const next = offset + frameLength;
  if (buf.length >= next + 2) return buf[next] === 0xff && (buf[next + 1] & 0xe0) === 0xe0;
  return true;
}
