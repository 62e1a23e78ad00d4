import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { SNIFF_BYTES, sniffMediaType } from '../../ingest';
import { HubClient } from './hub-client';
import { putFileRange } from './put-part';
import { clearState, readState, stateFile, writeState } from './upload-state';

interface UploadOptions {
  unit?: string;
  title?: string;
  series?: string;
  resource?: string;
  url: string;
  token?: string;
  maxParts?: number;
  concurrency: number;
  wait: boolean;
}

interface UploadView {
  id: string;
  status: string;
  mode: string;
  size: number;
  putUrl: string | null;
  partSize: number;
  missingParts: number[];
  rejection: { code: string; message: string } | null;
  job: { id: string } | null;
}

const UPLOAD = `id status mode size putUrl partSize missingParts rejection { code message } job { id }`;

/** Exit code when `--max-parts` paused the upload: run the same command again to go on. */
export const EXIT_PAUSED = 3;

export function registerUploadCommand(program: Command): void {
  program
    .command('upload')
    .description(
      '上传课件包或媒体文件到学习港（可断点续传）/ upload a package or media file to a hub (resumable)',
    )
    .argument('<file>', '文件 / the file')
    .option(
      '--unit <code>',
      '所属单位代码（默认本人单位）/ owner unit division code (default: yours)',
    )
    .option('--title <title>', '资源标题 / resource title')
    .option('--series <id>', '上传后加入该系列（末尾）/ append the resource to this series')
    .option('--resource <id>', '作为该资源的新版本 / upload a new version of this resource')
    .option(
      '--url <url>',
      '学习港地址 / hub URL',
      process.env.LEARNING_PORT_URL ?? 'http://127.0.0.1:4000',
    )
    .option('--token <token>', '访问令牌（或 LEARNING_PORT_TOKEN）/ access token')
    .option('--max-parts <n>', '本次最多上传的分片数，之后暂停 / stop after n parts', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error('--max-parts expects a positive integer');
      return n;
    })
    .option(
      '--concurrency <n>',
      '并行分片数 / parts in parallel',
      (v) => Math.max(1, Math.min(8, Number(v) || 3)),
      3,
    )
    .option('--no-wait', '不等待入库结果 / do not wait for ingestion')
    .action(async (file: string, opts: UploadOptions) => {
      process.exitCode = await runUpload(file, opts);
    });
}

async function runUpload(file: string, opts: UploadOptions): Promise<number> {
  const token = opts.token ?? process.env.LEARNING_PORT_TOKEN;
  if (!token)
    throw new Error(
      'a token is needed: --token or LEARNING_PORT_TOKEN (npm run hub -- token create --user …)',
    );
  const client = new HubClient(opts.url, token);
  const info = await stat(file);
  if (!info.isFile()) throw new Error(`${file} is not a file`);
  const statePath = stateFile(file, info.size, info.mtimeMs);

  let upload: UploadView | undefined;
  const saved = readState(statePath);
  if (saved && saved.hubUrl === opts.url) {
    upload = await client
      .request<{ upload: UploadView }>(`query($id: ID!) { upload(id: $id) { ${UPLOAD} } }`, {
        id: saved.uploadId,
      })
      .then((d) => d.upload)
      .catch(() => undefined);
    if (upload && upload.status !== 'PENDING' && upload.status !== 'COMPLETED') upload = undefined;
    if (upload)
      console.error(
        `继续上传 / resuming upload ${upload.id} (${upload.missingParts.length} part(s) left)`,
      );
  }
  if (!upload) {
    upload = await create(client, file, info.size, opts);
    writeState(statePath, {
      hubUrl: opts.url,
      uploadId: upload.id,
      createdAt: new Date().toISOString(),
    });
  }
  console.log(`upload: ${upload.id}`);

  if (upload.status === 'PENDING') {
    const finished = await sendBytes(client, file, upload, opts);
    if (!finished) {
      console.error(
        `已暂停，再次运行同一命令继续 / paused; run the same command again to continue`,
      );
      return EXIT_PAUSED;
    }
    const done = await client.request<{
      completeUpload: {
        upload: UploadView | null;
        userErrors: Array<{ code: string; message: string }>;
      };
    }>(
      `mutation($input: UploadIdInput!) { completeUpload(input: $input) { upload { ${UPLOAD} } userErrors { code message } } }`,
      { input: { uploadId: upload.id } },
    );
    if (done.completeUpload.userErrors.length) {
      const e = done.completeUpload.userErrors[0];
      if (done.completeUpload.upload?.status === 'REJECTED') clearState(statePath);
      throw new Error(`${e.code}: ${e.message}`);
    }
    upload = done.completeUpload.upload!;
  }
  const jobId = upload.job?.id;
  if (!jobId) throw new Error(`upload ${upload.id} has no ingestion job`);
  console.log(`job: ${jobId}`);
  clearState(statePath);
  if (!opts.wait) return 0;
  return waitForJob(client, jobId, opts);
}

async function create(
  client: HubClient,
  file: string,
  size: number,
  opts: UploadOptions,
): Promise<UploadView> {
  const sha256 = await hashFile(file, size);
  const contentType = await detectContentType(file);
  let ownerUnitId: string | undefined;
  if (opts.unit) {
    ownerUnitId = (
      await client.request<{ orgUnit: { id: string } }>(
        `query($code: String!) { orgUnit(code: $code) { id } }`,
        {
          code: opts.unit,
        },
      )
    ).orgUnit.id;
  }
  const res = await client.request<{
    createUpload: {
      upload: UploadView | null;
      userErrors: Array<{ code: string; message: string }>;
    };
  }>(
    `mutation($input: CreateUploadInput!) { createUpload(input: $input) { upload { ${UPLOAD} } userErrors { code message } } }`,
    {
      input: {
        filename: path.basename(file),
        size,
        contentType,
        sha256,
        ownerUnitId,
        resourceId: opts.resource,
        title: opts.title,
      },
    },
  );
  if (res.createUpload.userErrors.length) {
    const e = res.createUpload.userErrors[0];
    throw new Error(`${e.code}: ${e.message}`);
  }
  return res.createUpload.upload!;
}

/** Sends what is missing; false when `--max-parts` stopped it early. */
async function sendBytes(
  client: HubClient,
  file: string,
  upload: UploadView,
  opts: UploadOptions,
): Promise<boolean> {
  const bar = new cliProgress.SingleBar(
    {
      format:
        '上传 / uploading {bar} {percentage}% | {done}/{total_h} | {speed} | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let sent = 0;
  const doneBytes = upload.mode === 'SINGLE' ? 0 : upload.size - missingBytes(upload);
  const base = doneBytes;
  const update = () => {
    const secs = Math.max(0.001, (Date.now() - started) / 1000);
    bar.update(base + sent, { done: human(base + sent), speed: `${human(sent / secs)}/s` });
  };
  bar.start(upload.size, base, { total_h: human(upload.size), done: human(base), speed: '—' });
  try {
    if (upload.mode === 'SINGLE') {
      await withRetries(async () => {
        let partSent = 0;
        try {
          await putFileRange(upload.putUrl!, file, 0, upload.size, (n) => {
            partSent += n;
            sent += n;
            update();
          });
        } catch (err) {
          sent -= partSent;
          throw err;
        }
      });
      return true;
    }
    const budget = opts.maxParts ?? Infinity;
    const { upload: fresh } = await client.request<{
      upload: { partUrls: Array<{ number: number; size: number; url: string }> };
    }>(`query($id: ID!) { upload(id: $id) { partUrls { number size url } } }`, { id: upload.id });
    const queue = fresh.partUrls.slice(0, budget);
    const worker = async () => {
      for (let p = queue.shift(); p; p = queue.shift()) {
        const part = p;
        const start = (part.number - 1) * upload.partSize;
        const etag = await withRetries(async () => {
          let partSent = 0;
          try {
            return await putFileRange(part.url, file, start, start + part.size, (n) => {
              partSent += n;
              sent += n;
              update();
            });
          } catch (err) {
            sent -= partSent;
            throw err;
          }
        });
        await client.request(
          `mutation($input: RecordUploadPartInput!) { recordUploadPart(input: $input) { userErrors { code message } } }`,
          { input: { uploadId: upload.id, partNumber: part.number, etag } },
        );
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    return fresh.partUrls.length <= budget;
  } finally {
    bar.stop();
  }
}

async function waitForJob(client: HubClient, jobId: string, opts: UploadOptions): Promise<number> {
  let last = '';
  for (;;) {
    const { ingestJob: job } = await client.request<{
      ingestJob: {
        status: string;
        failures: Array<{ code: string; message: string; transient: boolean }>;
        package: { format: string; title: string; entryPoints: Array<{ id: string }> } | null;
        asset: { mediaType: string; media: { durationSeconds: number | null } | null } | null;
        resource: { id: string; title: string; version: number } | null;
      };
    }>(
      `query($id: ID!) { ingestJob(id: $id) { status failures { code message transient }
         package { format title entryPoints { id } } asset { mediaType media { durationSeconds } }
         resource { id title version } } }`,
      { id: jobId },
    );
    if (job.status !== last) console.error(`入库 / ingestion: ${job.status}`);
    last = job.status;
    if (job.status === 'FAILED') {
      const f = job.failures[job.failures.length - 1];
      console.log(`status: FAILED`);
      console.error(`${f?.code}: ${f?.message}`);
      return 1;
    }
    if (job.status === 'READY') {
      console.log(`status: READY`);
      if (job.resource) console.log(`resourceId: ${job.resource.id}`);
      if (job.resource)
        console.log(`title: ${job.resource.title} (version ${job.resource.version})`);
      if (job.package)
        console.log(
          `format: ${job.package.format}, ${job.package.entryPoints.length} entry point(s)`,
        );
      else if (job.asset)
        console.log(
          `media: ${job.asset.mediaType}${job.asset.media?.durationSeconds ? `, ${Math.round(job.asset.media.durationSeconds)} s` : ''}`,
        );
      if (opts.series && job.resource) await appendToSeries(client, opts.series, job.resource.id);
      return 0;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Appends the resource to a series; the hub does it server-side, keeping episodes this user cannot see. */
async function appendToSeries(
  client: HubClient,
  seriesId: string,
  resourceId: string,
): Promise<void> {
  const res = await client.request<{
    addEpisodeToSeries: { userErrors: Array<{ code: string; message: string }> };
  }>(
    `mutation($s: ID!, $r: ID!) { addEpisodeToSeries(seriesId: $s, resourceId: $r) { userErrors { code message } } }`,
    { s: seriesId, r: resourceId },
  );
  const e = res.addEpisodeToSeries.userErrors[0];
  if (e) throw new Error(`series: ${e.code}: ${e.message}`);
  console.log(`series: ${seriesId} (+1 episode)`);
}

async function withRetries<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * 2 ** i)));
    }
  }
}

function missingBytes(u: UploadView): number {
  const lastNumber = Math.ceil(u.size / u.partSize);
  return u.missingParts.reduce(
    (sum, n) => sum + (n === lastNumber ? u.size - u.partSize * (lastNumber - 1) : u.partSize),
    0,
  );
}

async function hashFile(file: string, size: number): Promise<string> {
  const bar = new cliProgress.SingleBar(
    { format: '校验 / hashing {bar} {percentage}%', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(size, 0);
  const hash = createHash('sha256');
  let done = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    done += (chunk as Buffer).length;
    bar.update(done);
  }
  bar.stop();
  return hash.digest('hex');
}

/** By content, like the hub: the name decides nothing. */
async function detectContentType(file: string): Promise<string> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(head, 0, SNIFF_BYTES, 0);
    const sniffed = sniffMediaType(head.subarray(0, bytesRead));
    if (sniffed) return sniffed.mime;
    if (/<courseStructure\b/.test(head.subarray(0, bytesRead).toString('utf8')))
      return 'application/xml';
    return 'application/octet-stream';
  } finally {
    await fh.close();
  }
}

function human(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${Math.round(bytes)} B`;
}
