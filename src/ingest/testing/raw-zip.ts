import { crc32, deflateRawSync } from 'node:zlib';

/** One entry for {@link buildRawZip}. Test support only. */
export interface RawZipEntry {
  /** Entry name; a Buffer is written byte for byte (e.g. GBK without the UTF-8 flag). */
  name: string | Buffer;
  data?: Buffer;
  /** 0 = stored, 8 = deflate (default). */
  method?: 0 | 8;
  /** General purpose bit flag (bit 0 encrypted, bit 11 UTF-8). */
  flags?: number;
  /** External file attributes (Unix mode in the high 16 bits). */
  externalAttributes?: number;
  /** Version made by (high byte 3 = Unix). */
  versionMadeBy?: number;
  /** Extra field bytes for both headers. */
  extra?: Buffer;
  /** Declared uncompressed size (defaults to the real one). */
  declaredSize?: number;
  /** Point the central directory record at the local header of an earlier entry (overlap). */
  reuseLocalHeaderOf?: number;
}

/**
 * Writes a zip archive by hand, for hostile cases yazl refuses to produce
 * (traversal names, symlinks, encryption flag, overlapping entries,
 * duplicate names, non-UTF-8 names, lying sizes).
 */
export function buildRawZip(entries: RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const data = e.data ?? Buffer.alloc(0);
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const crc = crc32(data);
    const extra = e.extra ?? Buffer.alloc(0);
    const flags = e.flags ?? (typeof e.name === 'string' ? 0x800 : 0);
    const size = e.declaredSize ?? data.length;
    let localOffset: number;
    if (e.reuseLocalHeaderOf !== undefined) {
      localOffset = offsets[e.reuseLocalHeaderOf];
    } else {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt32LE(0, 10);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(extra.length, 28);
      localOffset = offset;
      const chunk = Buffer.concat([local, name, extra, body]);
      locals.push(chunk);
      offset += chunk.length;
    }
    offsets[i] = localOffset;
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.versionMadeBy ?? 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt16LE(0, 32);
    central.writeUInt16LE(0, 34);
    central.writeUInt16LE(0, 36);
    central.writeUInt32LE(e.externalAttributes ?? 0, 38);
    central.writeUInt32LE(localOffset, 42);
    centrals.push(Buffer.concat([central, name, extra]));
  });
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** Info-ZIP Unicode Path extra field (0x7075) for `rawName`. */
export function unicodePathExtra(rawName: Buffer, unicodeName: string): Buffer {
  const utf8 = Buffer.from(unicodeName, 'utf8');
  const header = Buffer.alloc(9);
  header.writeUInt16LE(0x7075, 0);
  header.writeUInt16LE(5 + utf8.length, 2);
  header.writeUInt8(1, 4);
  header.writeUInt32LE(crc32(rawName), 5);
  return Buffer.concat([header, utf8]);
}
