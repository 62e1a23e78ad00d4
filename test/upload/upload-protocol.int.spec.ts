import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { makeTree, makeUserWithToken } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import {
  UPLOAD_TEST_ENV,
  completeUpload,
  createUpload,
  getUpload,
  listKeys,
  putBytes,
  recordPart,
  scorm12Entries,
  sha256,
  uploadFile,
  waitForJob,
  zipBytes,
} from './upload-helpers';

const MiB = 1024 * 1024;

describe('upload protocol (presigned S3, resumable multipart, content addressing)', () => {
  let t: TestHub;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let author: string;
  let authorB: string;
  let cityCurator: string;
  let siblingAuthor: string;
  let member: string;

  beforeAll(async () => {
    t = await startTestHub({ env: UPLOAD_TEST_ENV });
    tree = await makeTree(t.container);
    author = (await makeUserWithToken(t.container, tree.countyA1, ['AUTHOR'])).token;
    authorB = (await makeUserWithToken(t.container, tree.countyB1, ['AUTHOR'])).token;
    cityCurator = (await makeUserWithToken(t.container, tree.cityA, ['CURATOR'])).token;
    siblingAuthor = (await makeUserWithToken(t.container, tree.countyA2, ['AUTHOR'])).token;
    member = (await makeUserWithToken(t.container, tree.countyA1, ['MEMBER'])).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('small package: one presigned PUT → READY, resource prefilled, package queryable on the resource, launch URL serves HTML', async () => {
    const bytes = await zipBytes(scorm12Entries('山西面食文化'));
    const { jobId, completed } = await uploadFile(t, author, bytes, {
      filename: 'mianshi.zip',
      contentType: 'application/zip',
      sha256: sha256(bytes),
    });
    expect(completed.userErrors).toEqual([]);
    expect(completed.upload!.status).toBe('COMPLETED');
    const job = await waitForJob(t, author, jobId!);
    expect(job.failures).toEqual([]);
    expect(job.status).toBe('READY');
    expect(job.sha256).toBe(sha256(bytes));
    expect(job.asset).toMatchObject({
      sha256: sha256(bytes),
      size: bytes.length,
      kind: 'PACKAGE',
      mediaType: 'application/zip',
    });
    expect(job.package).toMatchObject({
      format: 'SCORM12',
      formatVersion: '1.2',
      title: '山西面食文化',
      fileCount: 3,
    });
    expect(job.package!.outlines[0]).toMatchObject({ identifier: 'org1', isDefault: true });
    expect(job.package!.outlines[0].children).toHaveLength(2);
    expect(job.package!.entryPoints[0]).toMatchObject({
      id: 'i1',
      type: 'sco',
      masteryScore: 80,
      launch: { href: 'lesson1/index.html' },
    });
    expect(job.resource).toMatchObject({
      kind: 'COURSEWARE_PACKAGE',
      title: '山西面食文化',
      version: 1,
    });

    // Resource.package through the catalogue's own query.
    const r = await t.gql<{
      resource: {
        package: { format: string; outlines: unknown[]; entryPoints: Array<{ launchUrl: string }> };
        asset: { sha256: string };
      };
    }>(
      `query($id: ID!) { resource(id: $id) { package { format outlines { identifier } entryPoints { launchUrl } } asset { sha256 } } }`,
      { id: job.resource!.id },
      { token: author },
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.resource.package.format).toBe('SCORM12');
    expect(r.body.data!.resource.asset.sha256).toBe(sha256(bytes));

    const launch = await fetch(r.body.data!.resource.package.entryPoints[0].launchUrl);
    expect(launch.status).toBe(200);
    expect(launch.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await launch.text()).toContain('marker-山西面食文化');
    // Third-party package code runs sandboxed, in an opaque origin.
    expect(launch.headers.get('content-security-policy')).toMatch(/^sandbox allow-scripts/);
    // Relative links inside the package resolve under the same launch token.
    const launchUrl = r.body.data!.resource.package.entryPoints[0].launchUrl;
    const sibling = await fetch(new URL('../lesson2/index.html', launchUrl));
    expect(sibling.status).toBe(200);
    // A forged token, a path escaping the package, and a missing file are refused.
    const forged = launchUrl.replace(
      /\/content\/([0-9a-f])/,
      (_m: string, c: string) => `/content/${c === 'a' ? 'b' : 'a'}`,
    );
    expect((await fetch(forged)).status).toBe(403);
    expect(
      (await fetch(launchUrl.replace(/\/lesson1\/index\.html.*$/, '/..%2F..%2Fetc%2Fpasswd')))
        .status,
    ).toBe(400);
    expect((await fetch(new URL('../nothing-here.html', launchUrl))).status).toBe(404);

    // Staged copy deleted; content stored under its hash; files extracted under the hash.
    expect(await listKeys(t, 'staging/')).toEqual([]);
    expect(
      await listKeys(t, `content/sha256/${sha256(bytes).slice(0, 2)}/${sha256(bytes)}`),
    ).toHaveLength(1);
    expect((await listKeys(t, `packages/${sha256(bytes)}/`)).sort()).toEqual(
      ['imsmanifest.xml', 'lesson1/index.html', 'lesson2/index.html'].map(
        (p) => `packages/${sha256(bytes)}/${p}`,
      ),
    );
  });

  it('multipart upload resumes after an interruption: upload some parts, disconnect, ask what is missing, upload the rest, complete', async () => {
    const big = randomBytes(13 * MiB);
    const bytes = await zipBytes(
      scorm12Entries('断点续传课程', [{ name: 'media/lecture.bin', data: big, compress: false }]),
    );
    const created = await createUpload(t, author, {
      filename: '续传.zip',
      size: bytes.length,
      contentType: 'application/zip',
    });
    const u = created.upload!;
    expect(u.mode).toBe('MULTIPART');
    expect(u.partUrls.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(u.putUrl).toBeNull();

    // Part 2 only, then the connection "drops".
    const part = (n: number) =>
      bytes.subarray((n - 1) * 5 * MiB, Math.min(bytes.length, n * 5 * MiB));
    const etag2 = await putBytes(u.partUrls[1].url, part(2));
    await recordPart(t, author, u.id, 2, etag2);
    // Reporting again (a retried request) is harmless.
    await recordPart(t, author, u.id, 2, etag2);

    // Completing early says what is missing.
    const early = await completeUpload(t, author, u.id);
    expect(early.userErrors[0]).toMatchObject({ code: 'UPLOAD_INCOMPLETE' });

    // A new session: ask which parts are stored and get fresh URLs for the rest.
    const resumed = await getUpload(t, author, u.id);
    expect(resumed.status).toBe('PENDING');
    expect(resumed.parts).toEqual([{ number: 2, size: 5 * MiB, etag: etag2 }]);
    expect(resumed.missingParts).toEqual([1, 3]);
    expect(resumed.partUrls.map((p) => [p.number, p.size])).toEqual([
      [1, 5 * MiB],
      [3, bytes.length - 10 * MiB],
    ]);
    for (const p of resumed.partUrls)
      await recordPart(t, author, u.id, p.number, await putBytes(p.url, part(p.number)));

    const done = await completeUpload(t, author, u.id);
    expect(done.userErrors).toEqual([]);
    const job = await waitForJob(t, author, done.upload!.job!.id);
    expect(job.status).toBe('READY');
    expect(job.sha256).toBe(sha256(bytes));
    expect(job.package!.title).toBe('断点续传课程');
    // Completing again is idempotent: same job.
    const again = await completeUpload(t, author, u.id);
    expect(again.upload!.job!.id).toBe(done.upload!.job!.id);
  });

  it('rejects a wrong declared size after upload and deletes the staged bytes', async () => {
    const bytes = await zipBytes(scorm12Entries('大小不符'));
    const created = await createUpload(t, author, {
      filename: 'x.zip',
      size: bytes.length - 10,
      contentType: 'application/zip',
    });
    await putBytes(created.upload!.putUrl!, bytes); // s3rver does not enforce the signed length; the HEAD does
    const done = await completeUpload(t, author, created.upload!.id);
    expect(done.userErrors[0]).toMatchObject({ code: 'UPLOAD_SIZE_MISMATCH' });
    expect(done.upload).toMatchObject({
      status: 'REJECTED',
      rejection: { code: 'UPLOAD_SIZE_MISMATCH' },
      job: null,
    });
    expect(await listKeys(t, 'staging/')).toEqual([]);
  });

  it('rejects bytes that are not of the declared type (sniffed, never by name)', async () => {
    const bytes = await zipBytes(scorm12Entries('不是视频'));
    const { completed } = await uploadFile(t, author, bytes, {
      filename: 'movie.mp4',
      contentType: 'video/mp4',
    });
    expect(completed.userErrors[0]).toMatchObject({ code: 'UPLOAD_TYPE_MISMATCH' });
    expect(completed.upload!.status).toBe('REJECTED');
    expect(await listKeys(t, 'staging/')).toEqual([]);
  });

  it('fails ingestion with UPLOAD_SHA256_MISMATCH when the declared hash differs, storing nothing', async () => {
    const bytes = await zipBytes(scorm12Entries('哈希不符'));
    const { jobId, uploadId } = await uploadFile(t, author, bytes, {
      filename: 'h.zip',
      contentType: 'application/zip',
      sha256: 'a'.repeat(64),
    });
    const job = await waitForJob(t, author, jobId!);
    expect(job.status).toBe('FAILED');
    expect(job.failures.at(-1)).toMatchObject({ code: 'UPLOAD_SHA256_MISMATCH', transient: false });
    expect(job.asset).toBeNull();
    expect(await t.container.repos.assets.findBySha256(sha256(bytes))).toBeNull();
    expect(await listKeys(t, `packages/${sha256(bytes)}/`)).toEqual([]);
    expect(await listKeys(t, 'staging/')).toEqual([]);
    expect((await getUpload(t, author, uploadId)).rejection).toMatchObject({
      code: 'UPLOAD_SHA256_MISMATCH',
    });
  });

  it('stores identical content once: two counties, two uploads and resources, one asset and one object', async () => {
    const bytes = await zipBytes(scorm12Entries('晋剧入门（共享）'));
    const a = await uploadFile(t, author, bytes, {
      filename: 'a.zip',
      contentType: 'application/zip',
    });
    const b = await uploadFile(t, authorB, bytes, {
      filename: 'b.zip',
      contentType: 'application/zip',
    });
    const [ja, jb] = [
      await waitForJob(t, author, a.jobId!),
      await waitForJob(t, authorB, b.jobId!),
    ];
    expect([ja.status, jb.status]).toEqual(['READY', 'READY']);
    expect(ja.asset!.id).toBe(jb.asset!.id);
    expect(ja.package!.id).toBe(jb.package!.id);
    expect(ja.resource!.id).not.toBe(jb.resource!.id);
    expect(await t.container.repos.assets.countBySha256(sha256(bytes))).toBe(1);
    expect(
      await listKeys(t, `content/sha256/${sha256(bytes).slice(0, 2)}/${sha256(bytes)}`),
    ).toHaveLength(1);
  });

  it('an upload naming an existing resource makes its content a new version of it', async () => {
    const first = await zipBytes(scorm12Entries('版本一'));
    const j1 = await waitForJob(
      t,
      author,
      (await uploadFile(t, author, first, { filename: 'v1.zip', contentType: 'application/zip' }))
        .jobId!,
    );
    const second = await zipBytes(scorm12Entries('版本二'));
    const { jobId } = await uploadFile(t, author, second, {
      filename: 'v2.zip',
      contentType: 'application/zip',
      resourceId: j1.resource!.id,
    });
    const j2 = await waitForJob(t, author, jobId!);
    expect(j2.status).toBe('READY');
    expect(j2.resource).toMatchObject({ id: j1.resource!.id, version: 2 });
    const r = await t.gql<{ resource: { version: number; package: { title: string } } }>(
      `query($id: ID!) { resource(id: $id) { version package { title } } }`,
      { id: j1.resource!.id },
      { token: author },
    );
    expect(r.body.data!.resource).toEqual({ version: 2, package: { title: '版本二' } });
  });

  it('media: type, size and duration come from the bytes', async () => {
    // A PDF and a PNG, sniffed by magic bytes.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const j = await waitForJob(
      t,
      author,
      (await uploadFile(t, author, pdf, { filename: '讲义.pdf', contentType: 'application/pdf' }))
        .jobId!,
    );
    expect(j.status).toBe('READY');
    expect(j.asset).toMatchObject({
      kind: 'DOCUMENT',
      mediaType: 'application/pdf',
      media: { mime: 'application/pdf' },
    });
    expect(j.resource).toMatchObject({ kind: 'DOCUMENT', title: '讲义' });
  });

  it('applies limits and authorization: size limit, members cannot upload, other units cannot see, ancestors can', async () => {
    const tooBig = await createUpload(t, author, {
      filename: 'i.png',
      size: 51 * MiB,
      contentType: 'image/png',
    });
    expect(tooBig.userErrors[0]).toMatchObject({ code: 'UPLOAD_TOO_LARGE', field: 'size' });
    const badType = await createUpload(t, author, {
      filename: 'x.exe',
      size: 10,
      contentType: 'application/x-msdownload',
    });
    expect(badType.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });

    const denied = await t.gql(
      `mutation { createUpload(input: {filename: "a.zip", size: 10, contentType: "application/zip"}) { upload { id } } }`,
      {},
      { token: member },
    );
    expect(denied.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const created = await createUpload(t, author, {
      filename: 'a.zip',
      size: 100,
      contentType: 'application/zip',
    });
    const id = created.upload!.id;
    const sibling = await t.gql(
      `query($id: ID!) { upload(id: $id) { id } }`,
      { id },
      { token: siblingAuthor },
    );
    expect(sibling.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const ancestor = await t.gql<{ upload: { id: string; putUrl: string | null } }>(
      `query($id: ID!) { upload(id: $id) { id putUrl } }`,
      { id },
      { token: cityCurator },
    );
    // The city sees its counties' uploads, but only the uploader gets URLs to write with.
    expect(ancestor.body.data!.upload).toEqual({ id, putUrl: null });
  });

  it('sweeps abandoned uploads by time (injected clock): staged bytes and part records go, status EXPIRED', async () => {
    const created = await createUpload(t, author, {
      filename: 'left.zip',
      size: 7 * MiB,
      contentType: 'application/zip',
    });
    const u = created.upload!;
    await recordPart(t, author, u.id, 1, await putBytes(u.partUrls[0].url, randomBytes(5 * MiB)));
    const single = (
      await createUpload(t, author, { filename: 's.pdf', size: 9, contentType: 'application/pdf' })
    ).upload!;
    await putBytes(single.putUrl!, Buffer.from('%PDF-1.4\n'));

    // Not yet due.
    expect((await t.container.services.ingest.sweep(new Date())).expired).toBe(0);
    const later = new Date(Date.now() + (t.config.uploads.ttlSeconds + 60) * 1000);
    const swept = await t.container.services.ingest.sweep(later);
    expect(swept.expired).toBeGreaterThanOrEqual(2);
    expect((await getUpload(t, author, u.id)).status).toBe('EXPIRED');
    expect((await getUpload(t, author, single.id)).status).toBe('EXPIRED');
    expect(await listKeys(t, 'staging/')).toEqual([]);
    const internal = new Types.ObjectId(Buffer.from(u.id, 'base64url').toString().split(':')[1]);
    expect(await t.container.repos.uploads.parts(internal)).toEqual([]);
    // An expired upload cannot be completed.
    expect((await completeUpload(t, author, u.id)).userErrors[0]).toMatchObject({
      code: 'UPLOAD_NOT_PENDING',
    });
  });
});
