import { crc32 } from 'node:zlib';
import iconv from 'iconv-lite';

/** How an entry name was decoded. */
export type NameEncoding =
  | 'utf8-flag'
  | 'unicode-path-extra'
  | 'utf8-detected'
  | 'gb18030'
  | 'ascii';

/** A raw zip extra field. */
export interface RawExtraField {
  id: number;
  data: Buffer;
}

const UTF8_FLAG = 0x800;
const UNICODE_PATH_EXTRA = 0x7075;

/**
 * Decodes a zip entry name given as raw bytes.
 *
 * 1. General purpose bit 11 set: the name is UTF-8.
 * 2. An Info-ZIP Unicode Path extra field (0x7075, version 1) whose CRC matches
 *    the raw name: its UTF-8 name wins.
 * 3. Pure ASCII: ASCII.
 * 4. Bytes that are valid UTF-8: many tools (macOS Archive Utility, Java, 7-Zip
 *    on some settings) write UTF-8 without setting the flag; GBK text is very
 *    rarely valid UTF-8 by accident, so valid UTF-8 is taken as UTF-8.
 * 5. Otherwise GB18030 (a superset of GBK/GB2312), which is what Chinese
 *    Windows tools write. CP437 is deliberately not used: for this hub's
 *    users a non-UTF-8 name is almost always Chinese.
 */
export function decodeEntryName(
  raw: Buffer,
  generalPurposeBitFlag: number,
  extraFields: readonly RawExtraField[],
): { name: string; encoding: NameEncoding } {
  if ((generalPurposeBitFlag & UTF8_FLAG) !== 0) {
    return { name: raw.toString('utf8'), encoding: 'utf8-flag' };
  }
  for (const field of extraFields) {
    if (field.id !== UNICODE_PATH_EXTRA || field.data.length < 6) continue;
    if (field.data.readUInt8(0) !== 1) continue;
    if (field.data.readUInt32LE(1) !== crc32(raw)) continue;
    const unicode = field.data.subarray(5);
    if (isValidUtf8(unicode))
      return { name: unicode.toString('utf8'), encoding: 'unicode-path-extra' };
  }
  if (raw.every((b) => b < 0x80)) return { name: raw.toString('latin1'), encoding: 'ascii' };
  if (isValidUtf8(raw)) return { name: raw.toString('utf8'), encoding: 'utf8-detected' };
  return { name: iconv.decode(raw, 'gb18030'), encoding: 'gb18030' };
}

/** Strict UTF-8 validation (rejects overlongs, surrogates, > U+10FFFF). */
export function isValidUtf8(buf: Buffer): boolean {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else return false;
    if (i + need >= buf.length) return false;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}
