import { createWriteStream, existsSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { makeTempDir } from '../testing/temp-files';
import { withSafeZip } from '../zip/zip-reader';
import { inspectMedia } from './inspect-media';
import { sniffMediaType } from './magic-bytes';

const tmp = makeTempDir('media-');
afterAll(() => tmp.cleanup());

function wav(seconds: number, rate = 8000): Buffer {
  const data = Buffer.alloc(seconds * rate * 2);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

const pad = (b: Buffer | string) => Buffer.concat([Buffer.from(b as never), Buffer.alloc(64)]);

describe('sniffMediaType', () => {
  it.each([
    ['mp4', Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom')]), 'video/mp4'],
    [
      'mov',
      Buffer.concat([Buffer.from([0, 0, 0, 0x14]), Buffer.from('ftypqt  ')]),
      'video/quicktime',
    ],
    ['m4a', Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypM4A ')]), 'audio/mp4'],
    [
      'webm',
      Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x42, 0x82, 0x84]), Buffer.from('webm')]),
      'video/webm',
    ],
    [
      'mkv',
      Buffer.concat([
        Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x42, 0x82, 0x88]),
        Buffer.from('matroska'),
      ]),
      'video/x-matroska',
    ],
    ['mp3 (ID3)', Buffer.from('ID3\u0004\u0000'), 'audio/mpeg'],
    ['mp3 (frame sync)', Buffer.from([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    ['aac (ADTS)', Buffer.from([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc]), 'audio/aac'],
    ['wav', wav(1).subarray(0, 44), 'audio/wav'],
    ['ogg', Buffer.from('OggS\u0000\u0002'), 'audio/ogg'],
    ['flac', Buffer.from('fLaC'), 'audio/flac'],
    ['pdf', Buffer.from('%PDF-1.7'), 'application/pdf'],
    ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
    ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['gif', Buffer.from('GIF89a'), 'image/gif'],
    [
      'webp',
      Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]),
      'image/webp',
    ],
    ['zip', Buffer.from([0x50, 0x4b, 0x03, 0x04]), 'application/zip'],
  ])('recognises %s', (_label, head, mime) => {
    expect(sniffMediaType(pad(head))?.mime).toBe(mime);
  });

  it('returns null for text and random bytes', () => {
    expect(sniffMediaType(Buffer.from('<html><body>hello</body></html>'))).toBeNull();
    expect(sniffMediaType(Buffer.from([0xff, 0xe0, 0x00, 0x00]))).toBeNull();
  });
});

describe('inspectMedia', () => {
  it('reads type, size and duration of a WAV file', async () => {
    const file = tmp.write('tone.bin', wav(3));
    const r = await inspectMedia(file);
    expect(r).toMatchObject({ kind: 'audio', mime: 'audio/wav', size: 44 + 3 * 8000 * 2 });
    expect(r.durationSeconds).toBeCloseTo(3, 3);
  });

  it('goes by content, not by name', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(100),
    ]);
    expect(await inspectMedia(tmp.write('fake.mp4', png))).toMatchObject({
      mime: 'image/png',
      size: 108,
    });
  });

  it('refuses unknown content with MEDIA_UNKNOWN_TYPE', async () => {
    await expect(inspectMedia(tmp.write('notes.mp3', 'just some text'))).rejects.toMatchObject({
      code: 'MEDIA_UNKNOWN_TYPE',
    });
  });

  const cmi5Zip = path.resolve(
    __dirname,
    '..',
    '..',
    '..',
    '..',
    'shared',
    'fixtures',
    'packages',
    'cmi5',
    'catapult-single_au_basic_responsive.zip',
  );
  (existsSync(cmi5Zip) ? it : it.skip)(
    'reads the duration of a real mp4 from its headers',
    async () => {
      const out = path.join(tmp.dir, 'clip.mp4');
      await withSafeZip(cmi5Zip, undefined, async (zip) => {
        const entry = zip.files.find((f) => f.name.endsWith('.mp4'));
        expect(entry).toBeDefined();
        await pipeline(await zip.openReadStream(entry!.name), createWriteStream(out));
      });
      const r = await inspectMedia(out);
      expect(r).toMatchObject({ kind: 'video', mime: 'video/mp4' });
      expect(r.durationSeconds).toBeGreaterThan(1);
    },
  );
});
