import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildRawZip } from '../../src/ingest/testing/raw-zip';
import { makeTree, makeUserWithToken } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import {
  UPLOAD_TEST_ENV,
  getUpload,
  listKeys,
  sha256,
  uploadFile,
  waitForJob,
  zipBytes,
} from './upload-helpers';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'packages');
const haveFixtures = existsSync(FIXTURES);
if (!haveFixtures)
  console.warn(
    `[upload fixtures] ${FIXTURES} is absent: fixture ingestion tests are skipped (generated packages still run).`,
  );

/** One representative per format; per-fixture parsing is covered by src/ingest. */
const SAMPLES: Array<{ file: string; format: string; title: string; outlineNodes: number }> = [
  {
    file: 'scorm12/golf-ContentPackagingSingleSCO_SCORM12.zip',
    format: 'SCORM12',
    title: 'Golf Explained - CP Single SCO',
    outlineNodes: 1,
  },
  {
    file: 'scorm2004/golf-ContentPackagingSingleSCO_SCORM20042ndEdition.zip',
    format: 'SCORM2004',
    title: '',
    outlineNodes: -1,
  },
  { file: 'imscc/ccv-single-page.imscc', format: 'IMSCC', title: '', outlineNodes: -1 },
  { file: 'imscp/pyslet-package_1.zip', format: 'IMSCP', title: '', outlineNodes: -1 },
  {
    file: 'cmi5/catapult-single_au_basic_responsive.zip',
    format: 'CMI5',
    title: '',
    outlineNodes: -1,
  },
  { file: 'xapi/tincanproto-GolfExample_TCAPI.zip', format: 'XAPI', title: '', outlineNodes: -1 },
  { file: 'html5/adgear-test-ad.zip', format: 'HTML5', title: '', outlineNodes: -1 },
];

const countNodes = (nodes: Array<{ children?: unknown[] }>): number =>
  nodes.reduce(
    (n, c) => n + 1 + countNodes((c.children ?? []) as Array<{ children?: unknown[] }>),
    0,
  );

describe('ingestion of courseware formats and hostile input', () => {
  let t: TestHub;
  let token: string;

  beforeAll(async () => {
    t = await startTestHub({ env: UPLOAD_TEST_ENV });
    const tree = await makeTree(t.container);
    token = (await makeUserWithToken(t.container, tree.countyA1, ['AUTHOR'])).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  (haveFixtures ? describe : describe.skip)('fixtures (one per format)', () => {
    it.each(SAMPLES)('$file → $format, title and outline from the ingest core', async (s) => {
      const bytes = readFileSync(path.join(FIXTURES, s.file));
      const { inspectPackage } = await import('../../src/ingest');
      const expected = await inspectPackage(path.join(FIXTURES, s.file));
      const { jobId } = await uploadFile(t, token, bytes, {
        filename: path.basename(s.file),
        contentType: 'application/zip',
        sha256: sha256(bytes),
      });
      const job = await waitForJob(t, token, jobId!);
      expect(job.failures).toEqual([]);
      expect(job.status).toBe('READY');
      expect(job.package!.format).toBe(s.format);
      expect(job.package!.title).toBe(s.title || expected.title);
      const nodes =
        countNodes(job.package!.outlines as Array<{ children?: unknown[] }>) -
        job.package!.outlines.length;
      if (s.outlineNodes >= 0) expect(nodes).toBe(s.outlineNodes);
      expect(job.package!.outlines.map((o) => o.identifier)).toEqual(
        expected.outlines.map((o) => o.identifier),
      );
      expect(job.package!.entryPoints).toHaveLength(expected.entryPoints.length);
      expect(job.resource).toMatchObject({
        kind: 'COURSEWARE_PACKAGE',
        title: expected.title.slice(0, 200),
      });
      expect((await listKeys(t, `packages/${sha256(bytes)}/`)).length).toBe(job.package!.fileCount);
    });
  });

  async function expectRefused(bytes: Buffer, code: string) {
    const { jobId, uploadId } = await uploadFile(t, token, bytes, {
      filename: 'hostile.zip',
      contentType: 'application/zip',
    });
    const job = await waitForJob(t, token, jobId!);
    expect(job.status).toBe('FAILED');
    expect(job.failures.at(-1)).toMatchObject({ code, transient: false });
    expect(job.failures.at(-1)!.message.length).toBeGreaterThan(10);
    expect(job.asset).toBeNull();
    expect(job.resource).toBeNull();
    const upload = await getUpload(t, token, uploadId);
    expect(upload).toMatchObject({ status: 'REJECTED', rejection: { code } });
    // Nothing left stored: no staged copy, no asset, no content copy, no (partial) extraction.
    const hash = sha256(bytes);
    expect(await listKeys(t, 'staging/')).toEqual([]);
    expect(await t.container.repos.assets.findBySha256(hash)).toBeNull();
    expect(await listKeys(t, `content/sha256/${hash.slice(0, 2)}/${hash}`)).toEqual([]);
    expect(await listKeys(t, `packages/${hash}/`)).toEqual([]);
  }

  const index = { name: 'index.html', data: Buffer.from('<!doctype html><title>x</title>') };

  it('path traversal → PACKAGE_PATH_TRAVERSAL', async () => {
    await expectRefused(
      buildRawZip([index, { name: '../../etc/evil.html', data: Buffer.from('x') }]),
      'PACKAGE_PATH_TRAVERSAL',
    );
  });

  it('symbolic link → PACKAGE_SYMLINK', async () => {
    await expectRefused(
      buildRawZip([
        index,
        {
          name: 'link',
          data: Buffer.from('/etc/passwd'),
          externalAttributes: (0o120777 << 16) >>> 0,
          versionMadeBy: 0x0314,
        },
      ]),
      'PACKAGE_SYMLINK',
    );
  });

  it('zip bomb (compression ratio) → PACKAGE_RATIO', async () => {
    await expectRefused(
      buildRawZip([index, { name: 'zeros.bin', data: Buffer.alloc(64 * 1024 * 1024) }]),
      'PACKAGE_RATIO',
    );
  });

  it('damaged archive → PACKAGE_CORRUPT or PACKAGE_NOT_A_ZIP', async () => {
    const good = await zipBytes([index]);
    const broken = Buffer.concat([good.subarray(0, 40), Buffer.alloc(200, 0x41)]);
    const { jobId } = await uploadFile(t, token, broken, {
      filename: 'b.zip',
      contentType: 'application/zip',
    });
    const job = await waitForJob(t, token, jobId!);
    expect(job.status).toBe('FAILED');
    expect(['PACKAGE_CORRUPT', 'PACKAGE_NOT_A_ZIP']).toContain(job.failures.at(-1)!.code);
  });

  it('an entry lying about its size fails during extraction, and the partial extraction is removed', async () => {
    // index.html extracts fine first; the next entry inflates past its declared size.
    const bytes = buildRawZip([
      index,
      { name: 'a.js', data: Buffer.from('console.log(1)') },
      { name: 'big.txt', data: Buffer.alloc(5000, 0x61), declaredSize: 100 },
    ]);
    await expectRefused(bytes, 'PACKAGE_SIZE_MISMATCH');
  });

  it('no launchable content → PACKAGE_UNKNOWN_FORMAT', async () => {
    await expectRefused(
      await zipBytes([{ name: 'readme.txt', data: 'hello' }]),
      'PACKAGE_UNKNOWN_FORMAT',
    );
  });
});
