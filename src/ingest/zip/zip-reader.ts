import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { IngestError } from '../errors';
import { type PackageLimits, resolveLimits } from '../limits';
import { decodeEntryName, type NameEncoding } from './entry-name';
import { limitEntryStream, mapEntryStreamError, readAllLimited } from './entry-stream';
import { assertSafeEntryPath, collisionKey, printable } from './path-safety';

/** One validated entry of a zip package. */
export interface ZipEntryInfo {
  /** Decoded, validated relative path using '/'. Directories end with '/'. */
  name: string;
  /** True for explicit directory entries. */
  isDirectory: boolean;
  /** Declared uncompressed size (enforced on the actual bytes when streamed). */
  size: number;
  /** Compressed size. */
  compressedSize: number;
  /** How the name bytes were decoded. */
  nameEncoding: NameEncoding;
  /** Modification time recorded in the archive. */
  lastModified: Date;
}

/** Called for every file entry by {@link SafeZipReader.forEachFile}. */
export type ZipFileVisitor = (file: ZipEntryInfo, open: () => Promise<Readable>) => Promise<void>;

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const FLAG_ENCRYPTED = 0x1;
const FLAG_STRONG_ENCRYPTION = 0x40;
const LOCAL_HEADER_MIN = 30;

interface RawEntry {
  info: ZipEntryInfo;
  entry: yauzl.Entry;
}

/**
 * A zip archive whose central directory has been read and fully vetted.
 * Opening validates every entry (path safety, symlinks, encryption,
 * duplicates, count, declared sizes, compression ratios, overlapping data);
 * nothing is decompressed until a stream is opened. Call {@link close} when
 * done (or use {@link withSafeZip}).
 */
export class SafeZipReader {
  private readonly byName: Map<string, RawEntry>;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly raw: RawEntry[],
    /** The limits this archive was checked against. */
    readonly limits: PackageLimits,
  ) {
    this.byName = new Map(raw.map((r) => [r.info.name, r]));
  }

  /**
   * Opens and validates the zip at `filePath`.
   * @throws IngestError with a PACKAGE_* code when the archive is refused.
   */
  static async open(filePath: string, limits?: Partial<PackageLimits>): Promise<SafeZipReader> {
    const resolved = resolveLimits(limits);
    const zip = await openYauzl(filePath);
    try {
      if (zip.entryCount > resolved.maxEntries) {
        throw tooManyEntries(zip.entryCount, resolved.maxEntries);
      }
      const raw = await readAndValidateEntries(zip, resolved);
      assertNoOverlap(raw);
      assertOverallRatio(raw, resolved);
      return new SafeZipReader(zip, raw, resolved);
    } catch (err) {
      zip.close();
      throw err;
    }
  }

  /** All entries, directories included, in central-directory order. */
  get entries(): ZipEntryInfo[] {
    return this.raw.map((r) => r.info);
  }

  /** File entries only (no directories). */
  get files(): ZipEntryInfo[] {
    return this.raw.filter((r) => !r.info.isDirectory).map((r) => r.info);
  }

  /** Whether a file entry with exactly this name exists. */
  has(name: string): boolean {
    const r = this.byName.get(name);
    return r !== undefined && !r.info.isDirectory;
  }

  /** The entry with exactly this name, if any. */
  get(name: string): ZipEntryInfo | undefined {
    return this.byName.get(name)?.info;
  }

  /**
   * Opens a decompressing stream for a file entry. The stream errors with
   * PACKAGE_SIZE_MISMATCH as soon as the data exceeds the declared size.
   */
  async openReadStream(name: string): Promise<Readable> {
    const r = this.byName.get(name);
    if (!r || r.info.isDirectory) throw new Error(`No file entry named ${name}`);
    const source = await new Promise<Readable>((resolve, reject) => {
      this.zip.openReadStream(r.entry, (err, stream) => {
        if (err) reject(mapEntryStreamError(err, name));
        else resolve(stream);
      });
    });
    return limitEntryStream(source, name, r.info.size);
  }

  /**
   * Reads a (small) file entry into memory, refusing entries larger than
   * `maxBytes` (declared or actual) with PACKAGE_MANIFEST_TOO_LARGE.
   */
  async readBuffer(name: string, maxBytes = this.limits.maxManifestBytes): Promise<Buffer> {
    const info = this.get(name);
    const tooLarge = () =>
      new IngestError(
        'PACKAGE_MANIFEST_TOO_LARGE',
        `清单或元数据文件“${name}”过大（上限 ${maxBytes} 字节）`,
        `Manifest or metadata file "${name}" is larger than ${maxBytes} bytes`,
        { entry: name, size: info?.size, limit: maxBytes },
      );
    if (info && info.size > maxBytes) throw tooLarge();
    return readAllLimited(await this.openReadStream(name), maxBytes, tooLarge);
  }

  /**
   * Visits every file entry in archive order, one at a time. The visitor may
   * call `open()` to stream the entry's bytes (e.g. to upload it); entries it
   * does not open are skipped without being decompressed.
   */
  async forEachFile(visitor: ZipFileVisitor): Promise<void> {
    for (const r of this.raw) {
      if (r.info.isDirectory) continue;
      await visitor(r.info, () => this.openReadStream(r.info.name));
    }
  }

  /** Releases the file descriptor. */
  close(): void {
    this.zip.close();
  }
}

/** Opens a {@link SafeZipReader}, runs `fn`, and always closes the archive. */
export async function withSafeZip<T>(
  filePath: string,
  limits: Partial<PackageLimits> | undefined,
  fn: (zip: SafeZipReader) => Promise<T>,
): Promise<T> {
  const zip = await SafeZipReader.open(filePath, limits);
  try {
    return await fn(zip);
  } finally {
    zip.close();
  }
}

function openYauzl(filePath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      filePath,
      {
        lazyEntries: true,
        validateEntrySizes: true,
        decodeStrings: false,
        autoClose: false,
      },
      (err, zip) => {
        if (err) reject(mapOpenError(err));
        else resolve(zip);
      },
    );
  });
}

function mapOpenError(err: Error): IngestError {
  if (/end of central directory record signature not found/i.test(err.message)) {
    return new IngestError(
      'PACKAGE_NOT_A_ZIP',
      '上传的文件不是 zip 压缩包（或文件不完整）',
      'The file is not a zip archive (or it is truncated)',
    );
  }
  if (
    (err as NodeJS.ErrnoException).code === 'ENOENT' ||
    (err as NodeJS.ErrnoException).code === 'EISDIR'
  ) {
    return new IngestError('FILE_UNREADABLE', '无法读取文件', `Cannot read file: ${err.message}`);
  }
  return corrupt(err.message);
}

function corrupt(detail: string): IngestError {
  return new IngestError(
    'PACKAGE_CORRUPT',
    'zip 压缩包已损坏，无法读取其目录',
    `The zip archive is corrupt: ${detail}`,
    { detail },
  );
}

function readAndValidateEntries(zip: yauzl.ZipFile, limits: PackageLimits): Promise<RawEntry[]> {
  return new Promise((resolve, reject) => {
    const out: RawEntry[] = [];
    const seen = new Map<string, RawEntry>();
    let total = 0;
    let done = false;
    const fail = (err: unknown) => {
      if (done) return;
      done = true;
      reject(err);
    };
    zip.on('error', (err: Error) => {
      if (/strong encryption/i.test(err.message)) fail(encrypted('(strong encryption)'));
      else if (/unsupported compression/i.test(err.message))
        fail(unsupportedCompression(err.message));
      else fail(corrupt(err.message));
    });
    zip.on('end', () => {
      if (done) return;
      done = true;
      resolve(out);
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      if (done) return;
      try {
        const r = validateEntry(entry, limits);
        total += r.info.size;
        if (total > limits.maxTotalUncompressedBytes) {
          throw tooLarge(
            `total uncompressed size exceeds ${limits.maxTotalUncompressedBytes} bytes`,
          );
        }
        const key = collisionKey(r.info.name);
        const previous = seen.get(key);
        // Two directory entries for the same folder are harmless; anything
        // else that collides would overwrite (or be confused with) another file.
        if (previous && !(previous.info.isDirectory && r.info.isDirectory)) {
          throw new IngestError(
            'PACKAGE_DUPLICATE_NAME',
            `压缩包中存在重名文件：“${printable(previous.info.name)}”与“${printable(r.info.name)}”`,
            `Duplicate entry names in package: "${printable(previous.info.name)}" and "${printable(r.info.name)}"`,
            { entries: [previous.info.name, r.info.name] },
          );
        }
        seen.set(key, r);
        out.push(r);
        zip.readEntry();
      } catch (err) {
        fail(err);
      }
    });
    zip.readEntry();
  });
}

function validateEntry(entry: yauzl.Entry, limits: PackageLimits): RawEntry {
  const rawName = entry.fileNameRaw ?? (entry.fileName as unknown as Buffer);
  const { name, encoding } = decodeEntryName(
    rawName,
    entry.generalPurposeBitFlag,
    entry.extraFields,
  );
  assertSafeEntryPath(name);
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode === S_IFLNK) {
    throw new IngestError(
      'PACKAGE_SYMLINK',
      `压缩包中包含符号链接：“${printable(name)}”`,
      `Package contains a symbolic link: "${printable(name)}"`,
      { entry: name },
    );
  }
  if ((entry.generalPurposeBitFlag & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !== 0) {
    throw encrypted(name);
  }
  const isDirectory = name.endsWith('/');
  if (!isDirectory && entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw unsupportedCompression(`method ${entry.compressionMethod} for "${printable(name)}"`);
  }
  if (entry.uncompressedSize > limits.maxEntryUncompressedBytes) {
    throw tooLarge(`entry "${printable(name)}" is ${entry.uncompressedSize} bytes`);
  }
  if (
    entry.uncompressedSize >= limits.ratioCheckMinBytes &&
    entry.uncompressedSize / Math.max(entry.compressedSize, 1) > limits.maxCompressionRatio
  ) {
    throw ratio(
      `entry "${printable(name)}": ${entry.uncompressedSize} bytes from ${entry.compressedSize}`,
    );
  }
  return {
    entry,
    info: {
      name,
      isDirectory,
      size: entry.uncompressedSize,
      compressedSize: entry.compressedSize,
      nameEncoding: encoding,
      lastModified: entry.getLastModDate(),
    },
  };
}

/**
 * Each entry's data occupies at least [offset, offset + 30 + compressedSize)
 * (a local header is never shorter than 30 bytes). In a well-formed archive
 * these ranges are disjoint; overlapping ranges mean several entries share the
 * same compressed bytes, the trick behind non-recursive zip bombs.
 */
function assertNoOverlap(raw: RawEntry[]): void {
  const ranges = raw
    .map((r) => ({
      name: r.info.name,
      start: r.entry.relativeOffsetOfLocalHeader,
      end: r.entry.relativeOffsetOfLocalHeader + LOCAL_HEADER_MIN + r.entry.compressedSize,
    }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i].start < ranges[i - 1].end) {
      throw new IngestError(
        'PACKAGE_OVERLAPPING_ENTRIES',
        '压缩包中的文件数据相互重叠（疑似 zip 炸弹）',
        `Entries "${printable(ranges[i - 1].name)}" and "${printable(ranges[i].name)}" overlap (zip bomb suspected)`,
        { entries: [ranges[i - 1].name, ranges[i].name] },
      );
    }
  }
}

function assertOverallRatio(raw: RawEntry[], limits: PackageLimits): void {
  let uncompressed = 0;
  let compressed = 0;
  for (const r of raw) {
    uncompressed += r.info.size;
    compressed += r.info.compressedSize;
  }
  if (
    uncompressed >= limits.ratioCheckMinBytes &&
    uncompressed / Math.max(compressed, 1) > limits.maxCompressionRatio
  ) {
    throw ratio(`whole package: ${uncompressed} bytes from ${compressed}`);
  }
}

function tooManyEntries(count: number, max: number): IngestError {
  return new IngestError(
    'PACKAGE_TOO_MANY_ENTRIES',
    `压缩包中的文件过多（${count} 个，上限 ${max} 个）`,
    `Package has too many entries (${count}, limit ${max})`,
    { count, limit: max },
  );
}

function tooLarge(detail: string): IngestError {
  return new IngestError(
    'PACKAGE_TOO_LARGE',
    '压缩包解压后的体积超过上限',
    `Package is too large when uncompressed: ${detail}`,
    { detail },
  );
}

function ratio(detail: string): IngestError {
  return new IngestError(
    'PACKAGE_RATIO',
    '压缩包的压缩比异常（疑似 zip 炸弹）',
    `Compression ratio too high (zip bomb suspected): ${detail}`,
    { detail },
  );
}

function encrypted(name: string): IngestError {
  return new IngestError(
    'PACKAGE_ENCRYPTED',
    `压缩包中包含加密文件：“${printable(name)}”，请去掉密码后重新打包`,
    `Package contains an encrypted entry: "${printable(name)}"`,
    { entry: name },
  );
}

function unsupportedCompression(detail: string): IngestError {
  return new IngestError(
    'PACKAGE_UNSUPPORTED_COMPRESSION',
    '压缩包使用了不支持的压缩方式，请用标准 zip（deflate）重新打包',
    `Unsupported compression method: ${detail}`,
    { detail },
  );
}
