import iconv from 'iconv-lite';
import type { IngestErrorCode } from '../errors';
import { buildRawZip, type RawZipEntry, unicodePathExtra } from '../testing/raw-zip';
import { makeTempDir } from '../testing/temp-files';
import { writeYazlZip } from '../testing/yazl-zip';
import type { PackageLimits } from '../limits';
import { SafeZipReader, withSafeZip } from './zip-reader';

const tmp = makeTempDir('zip-reader-');
afterAll(() => tmp.cleanup());

let counter = 0;
function rawZipFile(entries: RawZipEntry[]): string {
  counter += 1;
  return tmp.write(`raw-${counter}.zip`, buildRawZip(entries));
}

async function expectRefused(file: string, code: IngestErrorCode, limits?: Partial<PackageLimits>) {
  await expect(SafeZipReader.open(file, limits)).rejects.toMatchObject({
    name: 'IngestError',
    code,
  });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('SafeZipReader: well-formed archives', () => {
  it('lists entries and streams each file one by one', async () => {
    const file = await writeYazlZip(`${tmp.dir}/ok.zip`, [
      { name: 'index.html', data: '<title>Hi</title>' },
      { name: 'media/clip.bin', data: Buffer.alloc(70_000, 7), compress: false },
    ]);
    const seen: Array<[string, number, number]> = [];
    await withSafeZip(file, undefined, async (zip) => {
      expect(zip.files.map((f) => f.name)).toEqual(['index.html', 'media/clip.bin']);
      await zip.forEachFile(async (entry, open) => {
        const data = await readAll(await open());
        seen.push([entry.name, entry.size, data.length]);
      });
      expect((await zip.readBuffer('index.html')).toString()).toBe('<title>Hi</title>');
    });
    expect(seen).toEqual([
      ['index.html', 17, 17],
      ['media/clip.bin', 70_000, 70_000],
    ]);
  });

  it('decodes GBK names written without the UTF-8 flag', async () => {
    const raw = iconv.encode('课程/第一章.html', 'gbk');
    const file = rawZipFile([{ name: raw, flags: 0, data: Buffer.from('x') }]);
    await withSafeZip(file, undefined, async (zip) => {
      expect(zip.files[0]).toMatchObject({ name: '课程/第一章.html', nameEncoding: 'gb18030' });
    });
  });

  it('takes valid UTF-8 without the flag as UTF-8, and honours the 0x7075 Unicode Path field', async () => {
    const cp437ish = Buffer.from('old-name.txt');
    const file = rawZipFile([
      { name: Buffer.from('英国.xml', 'utf8'), flags: 0, data: Buffer.from('a') },
      {
        name: cp437ish,
        flags: 0,
        extra: unicodePathExtra(cp437ish, '新名字.txt'),
        data: Buffer.from('b'),
      },
    ]);
    await withSafeZip(file, undefined, async (zip) => {
      expect(zip.files.map((f) => [f.name, f.nameEncoding])).toEqual([
        ['英国.xml', 'utf8-detected'],
        ['新名字.txt', 'unicode-path-extra'],
      ]);
    });
  });
});

describe('SafeZipReader: hostile archives', () => {
  it.each([
    ['../evil.txt'],
    ['a/../../evil.txt'],
    ['/etc/passwd'],
    ['C:/Windows/evil.dll'],
    ['c:evil'],
    ['dir\\..\\evil.txt'],
    ['ok\u0000.txt'],
  ])('refuses the traversal name %j', async (name) => {
    await expectRefused(rawZipFile([{ name, data: Buffer.from('x') }]), 'PACKAGE_PATH_TRAVERSAL');
  });

  it('refuses symlinks (Unix mode 0120000)', async () => {
    const file = rawZipFile([
      {
        name: 'link',
        method: 0,
        data: Buffer.from('/etc/passwd'),
        versionMadeBy: 0x031e,
        externalAttributes: (0o120777 << 16) >>> 0,
      },
    ]);
    await expectRefused(file, 'PACKAGE_SYMLINK');
  });

  it('accepts a regular Unix file mode', async () => {
    const file = rawZipFile([
      {
        name: 'a.txt',
        data: Buffer.from('x'),
        versionMadeBy: 0x031e,
        externalAttributes: (0o100644 << 16) >>> 0,
      },
    ]);
    await withSafeZip(file, undefined, async (zip) => expect(zip.files).toHaveLength(1));
  });

  it('refuses encrypted entries', async () => {
    await expectRefused(
      rawZipFile([{ name: 'secret.txt', flags: 0x801, data: Buffer.from('x') }]),
      'PACKAGE_ENCRYPTED',
    );
  });

  it('refuses entries whose data ranges overlap (non-recursive zip bomb)', async () => {
    const file = rawZipFile([
      { name: 'a.txt', data: Buffer.alloc(1000, 1) },
      { name: 'b.txt', data: Buffer.alloc(1000, 1), reuseLocalHeaderOf: 0 },
    ]);
    await expectRefused(file, 'PACKAGE_OVERLAPPING_ENTRIES');
  });

  it.each([
    ['exact duplicates', 'index.html', 'index.html'],
    ['names equal after case folding', 'Index.HTML', 'index.html'],
    ['names equal after Unicode NFC', 'caf\u00e9.txt', 'cafe\u0301.txt'],
    ['a file and a folder of the same name', 'res', 'RES/'],
  ])('refuses %s', async (_label, a, b) => {
    const file = rawZipFile([
      { name: a, data: Buffer.from('1') },
      { name: b, data: Buffer.from('2') },
    ]);
    await expectRefused(file, 'PACKAGE_DUPLICATE_NAME');
  });

  it('refuses more entries than allowed', async () => {
    const file = rawZipFile(
      Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from('x') })),
    );
    await expectRefused(file, 'PACKAGE_TOO_MANY_ENTRIES', { maxEntries: 5 });
    await withSafeZip(file, { maxEntries: 6 }, async (zip) => expect(zip.files).toHaveLength(6));
  });

  it('refuses packages over the total size limit (declared sizes)', async () => {
    const file = rawZipFile([
      { name: 'a.bin', method: 0, data: Buffer.alloc(600) },
      { name: 'b.bin', method: 0, data: Buffer.alloc(600) },
    ]);
    await expectRefused(file, 'PACKAGE_TOO_LARGE', { maxTotalUncompressedBytes: 1000 });
  });

  it('refuses a ratio bomb (50 MB of zeros)', async () => {
    const file = await writeYazlZip(`${tmp.dir}/bomb.zip`, [
      { name: 'zeros.bin', data: Buffer.alloc(50 * 1024 * 1024) },
    ]);
    await expectRefused(file, 'PACKAGE_RATIO');
  });

  it('refuses a package whose overall ratio is too high even if each entry is small', async () => {
    const entries = Array.from({ length: 20 }, (_, i) => ({
      name: `z${i}.bin`,
      data: Buffer.alloc(512 * 1024),
    }));
    const file = await writeYazlZip(`${tmp.dir}/many-zeros.zip`, entries);
    await expectRefused(file, 'PACKAGE_RATIO');
  });

  it('enforces the declared size on the actual decompressed bytes', async () => {
    const file = rawZipFile([
      { name: 'liar.bin', data: Buffer.alloc(2 * 1024 * 1024), declaredSize: 100 },
    ]);
    await withSafeZip(file, undefined, async (zip) => {
      await expect(readAll(await zip.openReadStream('liar.bin'))).rejects.toMatchObject({
        code: 'PACKAGE_SIZE_MISMATCH',
      });
    });
  });

  it('refuses manifests over the manifest limit when read into memory', async () => {
    const file = rawZipFile([{ name: 'imsmanifest.xml', data: Buffer.alloc(2048, 0x20) }]);
    await withSafeZip(file, { maxManifestBytes: 1024 }, async (zip) => {
      await expect(zip.readBuffer('imsmanifest.xml')).rejects.toMatchObject({
        code: 'PACKAGE_MANIFEST_TOO_LARGE',
      });
    });
  });

  it('refuses files that are not zips', async () => {
    await expectRefused(tmp.write('not.zip', 'this is not a zip file'), 'PACKAGE_NOT_A_ZIP');
  });

  it('reports a damaged central directory as corrupt', async () => {
    const good = buildRawZip([{ name: 'a.txt', data: Buffer.from('hello') }]);
    const cdOffset = good.readUInt32LE(good.length - 6);
    good.writeUInt32LE(0xdeadbeef, cdOffset);
    await expectRefused(tmp.write('corrupt.zip', good), 'PACKAGE_CORRUPT');
  });
});
