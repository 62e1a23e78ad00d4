import { createHash } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { TestHub } from '../helpers/test-hub';

/** Small thresholds so multipart paths run with a few MiB. */
export const UPLOAD_TEST_ENV = {
  UPLOAD_MULTIPART_THRESHOLD: '6MiB',
  UPLOAD_PART_SIZE: '5MiB',
  INGEST_POLL_MS: '100',
  UPLOAD_SWEEP_INTERVAL_SECONDS: '0',
};

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export const UPLOAD_FIELDS = `
  id status mode kind size partSize partCount putUrl missingParts
  parts { number size etag }
  partUrls { number size url }
  rejection { code message }
  job { id status }
`;

export const JOB_FIELDS = `
  id status attempts sha256 warningCount
  failures { code message transient }
  asset { id sha256 size mediaType kind media { mime durationSeconds } }
  package {
    id format formatVersion title fileCount launchUrl
    outlines { identifier title isDefault children { identifier title children { identifier title } } }
    entryPoints { id title type launch { href url remote } masteryScore launchUrl }
  }
  resource { id kind title version durationSeconds }
`;

interface UploadView {
  id: string;
  status: string;
  mode: string;
  putUrl: string | null;
  missingParts: number[];
  parts: Array<{ number: number; size: number; etag: string }>;
  partUrls: Array<{ number: number; size: number; url: string }>;
  rejection: { code: string; message: string } | null;
  job: { id: string; status: string } | null;
}

export interface JobView {
  id: string;
  status: string;
  attempts: number;
  sha256: string | null;
  failures: Array<{ code: string; message: string; transient: boolean }>;
  asset: {
    id: string;
    sha256: string;
    size: number;
    mediaType: string;
    kind: string;
    media: { mime: string; durationSeconds: number | null } | null;
  } | null;
  package: {
    id: string;
    format: string;
    formatVersion: string | null;
    title: string;
    fileCount: number;
    launchUrl: string | null;
    outlines: Array<{ identifier: string; title: string; isDefault: boolean; children: unknown[] }>;
    entryPoints: Array<{
      id: string;
      title: string;
      type: string;
      launch: { href: string; url: string; remote: boolean };
      masteryScore: number | null;
      launchUrl: string;
    }>;
  } | null;
  resource: {
    id: string;
    kind: string;
    title: string;
    version: number;
    durationSeconds: number | null;
  } | null;
}

export async function createUpload(
  t: TestHub,
  token: string,
  input: Record<string, unknown>,
): Promise<{
  upload: UploadView | null;
  userErrors: Array<{ code: string; field: string | null; message: string }>;
}> {
  const res = await t.gql<{ createUpload: { upload: UploadView | null; userErrors: [] } }>(
    `mutation($input: CreateUploadInput!) { createUpload(input: $input) { upload { ${UPLOAD_FIELDS} } userErrors { field code message } } }`,
    { input },
    { token },
  );
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.createUpload;
}

export async function getUpload(t: TestHub, token: string, id: string): Promise<UploadView> {
  const res = await t.gql<{ upload: UploadView }>(
    `query($id: ID!) { upload(id: $id) { ${UPLOAD_FIELDS} } }`,
    { id },
    { token },
  );
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.upload;
}

export async function putBytes(url: string, body: Buffer): Promise<string> {
  const res = await fetch(url, { method: 'PUT', body });
  if (!res.ok) throw new Error(`PUT ${res.status}: ${await res.text()}`);
  return res.headers.get('etag') ?? '';
}

export async function recordPart(
  t: TestHub,
  token: string,
  uploadId: string,
  partNumber: number,
  etag: string,
) {
  const res = await t.gql<{ recordUploadPart: { userErrors: Array<{ code: string }> } }>(
    `mutation($input: RecordUploadPartInput!) { recordUploadPart(input: $input) { userErrors { code message } } }`,
    { input: { uploadId, partNumber, etag } },
    { token },
  );
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  expect(res.body.data!.recordUploadPart.userErrors).toEqual([]);
}

export async function completeUpload(t: TestHub, token: string, uploadId: string) {
  const res = await t.gql<{
    completeUpload: {
      upload: UploadView | null;
      userErrors: Array<{ code: string; field: string | null; message: string }>;
    };
  }>(
    `mutation($input: UploadIdInput!) { completeUpload(input: $input) { upload { ${UPLOAD_FIELDS} } userErrors { field code message } } }`,
    { input: { uploadId } },
    { token },
  );
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.completeUpload;
}

/** Uploads `bytes` through the whole protocol (single or multipart) and completes it. */
export async function uploadFile(
  t: TestHub,
  token: string,
  bytes: Buffer,
  input: Record<string, unknown>,
): Promise<{
  uploadId: string;
  jobId: string | null;
  completed: Awaited<ReturnType<typeof completeUpload>>;
}> {
  const created = await createUpload(t, token, { size: bytes.length, ...input });
  expect(created.userErrors).toEqual([]);
  const u = created.upload!;
  if (u.mode === 'SINGLE') await putBytes(u.putUrl!, bytes);
  else {
    for (const p of u.partUrls) {
      const start = (p.number - 1) * u.partUrls[0].size;
      const etag = await putBytes(p.url, bytes.subarray(start, start + p.size));
      await recordPart(t, token, u.id, p.number, etag);
    }
  }
  const completed = await completeUpload(t, token, u.id);
  return { uploadId: u.id, jobId: completed.upload?.job?.id ?? null, completed };
}

export async function getJob(t: TestHub, token: string, id: string): Promise<JobView> {
  const res = await t.gql<{ ingestJob: JobView }>(
    `query($id: ID!) { ingestJob(id: $id) { ${JOB_FIELDS} } }`,
    { id },
    { token },
  );
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.ingestJob;
}

/** Polls a job until it is READY or FAILED. */
export async function waitForJob(
  t: TestHub,
  token: string,
  id: string,
  timeoutMs = 30_000,
): Promise<JobView> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob(t, token, id);
    if (job.status === 'READY' || job.status === 'FAILED') return job;
    if (Date.now() > end) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Keys under a prefix in the test hub's bucket. */
export async function listKeys(t: TestHub, prefix: string): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  do {
    const page = await t.container.s3.send(
      new ListObjectsV2Command({
        Bucket: t.config.s3Bucket,
        Prefix: prefix,
        ContinuationToken: token,
      }),
    );
    out.push(...(page.Contents ?? []).map((o) => o.Key!));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out;
}

/** A minimal SCORM 1.2 package: one SCO, a title, and a marker in the launch page. */
export function scorm12Entries(
  title: string,
  extra: Array<{ name: string; data: Buffer | string; compress?: boolean }> = [],
) {
  return [
    {
      name: 'imsmanifest.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m1" version="1.0" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org1">
    <organization identifier="org1">
      <title>${title}</title>
      <item identifier="i1" identifierref="r1"><title>第一课 面食的历史</title><adlcp:masteryscore>80</adlcp:masteryscore></item>
      <item identifier="i2" identifierref="r2"><title>第二课 刀削面</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="lesson1/index.html"><file href="lesson1/index.html"/></resource>
    <resource identifier="r2" type="webcontent" adlcp:scormtype="sco" href="lesson2/index.html"><file href="lesson2/index.html"/></resource>
  </resources>
</manifest>`,
    },
    { name: 'lesson1/index.html', data: `<!doctype html><title>L1</title><p>marker-${title}</p>` },
    { name: 'lesson2/index.html', data: '<!doctype html><title>L2</title><p>二</p>' },
    ...extra,
  ];
}

/** Zip bytes built with yazl in a temp dir. */
export async function zipBytes(
  entries: Array<{ name: string; data: Buffer | string; compress?: boolean }>,
): Promise<Buffer> {
  const { makeTempDir } = await import('../../src/ingest/testing/temp-files');
  const { writeYazlZip } = await import('../../src/ingest/testing/yazl-zip');
  const { readFile } = await import('node:fs/promises');
  const tmp = makeTempDir('upload-test-');
  try {
    return await readFile(await writeYazlZip(`${tmp.dir}/p.zip`, entries));
  } finally {
    tmp.cleanup();
  }
}
