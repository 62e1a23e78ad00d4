/**
 * Ingestion benchmark: generates a courseware package (many small web files
 * plus a few large media files; 100 MiB with --quick, 1 GiB otherwise),
 * then, against one embedded s3rver and FerretDB in this process, measures
 *  1. a raw S3 PUT of the package file (the reference), and
 *  2. ingesting the same bytes once they are staged: download + SHA-256,
 *     inspection, entry-by-entry extraction to S3, content-addressed copy,
 *     asset/package records and the catalogue resource.
 * Reported as throughput and peak RSS, with ratios against the raw PUT (s3rver
 * writes multipart bytes twice and ignores backpressure: it is no speed
 * reference, so only the ratios mean something). Build, then:
 *   node dist/bench/ingest.bench.js [--quick]
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { Types } from 'mongoose';
import pino from 'pino';
import yazl from 'yazl';
import { loadConfig } from '../src/config';
import { startHub } from '../src/hub';

export interface IngestBenchResult {
  packageBytes: number;
  files: number;
  rawPut: { ms: number; mibPerSec: number; peakRssMib: number };
  ingest: { ms: number; mibPerSec: number; peakRssMib: number; extractedFiles: number };
  baselineRssMib: number;
  /** Ingestion throughput / raw PUT throughput (1 = as fast as a plain PUT). */
  throughputRatio: number;
  /** Peak RSS above baseline during ingestion / during the raw PUT. */
  rssRatio: number;
  markdown: string;
}

const MiB = 1024 * 1024;

/** A stream of `size` random bytes, 1 MiB at a time (media does not compress). */
function randomStream(size: number): Readable {
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return this.push(null);
      const n = Math.min(MiB, left);
      left -= n;
      this.push(randomBytes(n));
    },
  });
}

/** Writes the package; small files are compressible text, media files random and stored. */
async function generatePackage(file: string, totalBytes: number): Promise<number> {
  const zip = new yazl.ZipFile();
  const smallCount = 2_000;
  const lessons = 40;
  const items = Array.from(
    { length: lessons },
    (_, i) => `<item identifier="i${i}" identifierref="r${i}"><title>第${i + 1}课</title></item>`,
  ).join('');
  const resources = Array.from(
    { length: lessons },
    (_, i) =>
      `<resource identifier="r${i}" type="webcontent" adlcp:scormtype="sco" href="lesson${i}/index.html"/>`,
  ).join('');
  zip.addBuffer(
    Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="bench" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
<metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
<organizations default="o"><organization identifier="o"><title>基准课件包</title>${items}</organization></organizations>
<resources>${resources}</resources></manifest>`),
    'imsmanifest.xml',
  );
  let used = 0;
  for (let i = 0; i < smallCount; i++) {
    const lesson = i % lessons;
    const name =
      i < lessons
        ? `lesson${lesson}/index.html`
        : `lesson${lesson}/assets/part${i}.${['js', 'css', 'html', 'svg'][i % 4]}`;
    const body = Buffer.from(
      `/* 第${i}个文件 */\n` + 'function step(){ return "山西社区教育"; }\n'.repeat(50 + (i % 300)),
    );
    used += body.length;
    zip.addBuffer(body, name);
  }
  const mediaCount = totalBytes >= 512 * MiB ? 8 : 4;
  // The small files compress about 20:1 in the archive.
  const mediaSize = Math.floor((totalBytes - used / 20) / mediaCount);
  for (let i = 0; i < mediaCount; i++)
    zip.addReadStream(randomStream(mediaSize), `media/lecture${i}.mp4`, {
      compress: false,
      size: mediaSize,
    });
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('close', () => resolve());
    out.on('error', reject);
    zip.outputStream.on('error', reject).pipe(out);
  });
  return smallCount + 1 + mediaCount;
}

/** Samples RSS while `fn` runs; returns its duration and the peak. */
async function measure<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; ms: number; peakRss: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  try {
    const value = await fn();
    return {
      value,
      ms: performance.now() - started,
      peakRss: Math.max(peak, process.memoryUsage().rss),
    };
  } finally {
    clearInterval(timer);
  }
}

export async function runIngestBench(
  opts: { quick?: boolean; bytes?: number } = {},
): Promise<IngestBenchResult> {
  const bytes = opts.bytes ?? (opts.quick ? 100 * MiB : 1024 * MiB);
  const work = mkdtempSync(path.join(os.tmpdir(), 'ingest-bench-'));
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    PORT: '0',
    LOG_LEVEL: 'warn',
    DATA_DIR: path.join(work, 'data'),
    INGEST_WORKERS: '0',
    UPLOAD_SWEEP_INTERVAL_SECONDS: '0',
    UPLOAD_MAX_PACKAGE: '5GiB',
    // One staged object, put in one request: the bench measures ingestion, not the upload protocol.
    UPLOAD_MULTIPART_THRESHOLD: '5GiB',
  };
  const hub = await startHub(
    loadConfig(env),
    pino({ level: process.env.BENCH_LOG_LEVEL === 'info' ? 'info' : 'warn' }),
  );
  const c = hub.container;
  try {
    const file = path.join(work, 'bench-package.zip');
    const files = await generatePackage(file, bytes);
    const size = statSync(file).size;
    global.gc?.();
    const baseline = process.memoryUsage().rss;

    // 1. The reference: one raw PUT of the same bytes to the same S3 server.
    const raw = await measure(() =>
      c.s3.send(
        new PutObjectCommand({
          Bucket: c.config.s3Bucket,
          Key: 'bench/raw-put.zip',
          Body: createReadStream(file),
          ContentLength: size,
        }),
      ),
    );

    // 2. Ingestion of the staged bytes (staging them is the client's PUT, not measured here).
    const unit = await c.repos.orgUnits.insert({
      code: '149901',
      name: '基准测试单位',
      regionName: '基准',
      level: 'PROVINCE',
      parentId: null,
      ancestorIds: [],
    });
    const user = await c.repos.users.create({
      username: `bench-${new Types.ObjectId().toHexString().slice(-6)}`,
      displayName: '基准',
      unitId: unit._id,
      roles: ['AUTHOR'],
    });
    const viewer = {
      kind: 'user' as const,
      userId: user._id.toHexString(),
      credentialId: 'bench',
      unitId: unit._id.toHexString(),
      unitPath: [unit._id.toHexString()],
      roles: user.roles,
    };
    const upload = await c.services.uploads.create(viewer, {
      filename: 'bench-package.zip',
      size,
      contentType: 'application/zip',
    });
    await c.s3.send(
      new PutObjectCommand({
        Bucket: c.config.s3Bucket,
        Key: upload.stagingKey,
        Body: createReadStream(file),
        ContentLength: size,
      }),
    );
    const { job } = await c.services.uploads.complete(viewer, upload._id);
    if (!job) throw new Error('completeUpload queued no job');
    global.gc?.();
    const worker = c.services.ingest.createWorker({ workerId: 'bench' });
    const ingest = await measure(() => worker.runOnce());
    if (ingest.value?.status !== 'READY')
      throw new Error(
        `ingestion ended ${ingest.value?.status}: ${JSON.stringify(ingest.value?.failures)}`,
      );
    const pkg = await c.repos.assets.findPackageByAsset(ingest.value.assetId!);

    const mib = size / MiB;
    const r = {
      packageBytes: size,
      files,
      rawPut: { ms: raw.ms, mibPerSec: mib / (raw.ms / 1000), peakRssMib: raw.peakRss / MiB },
      ingest: {
        ms: ingest.ms,
        mibPerSec: mib / (ingest.ms / 1000),
        peakRssMib: ingest.peakRss / MiB,
        extractedFiles: pkg?.fileCount ?? 0,
      },
      baselineRssMib: baseline / MiB,
    };
    const throughputRatio = r.ingest.mibPerSec / r.rawPut.mibPerSec;
    const rssRatio =
      Math.max(1, r.ingest.peakRssMib - r.baselineRssMib) /
      Math.max(1, r.rawPut.peakRssMib - r.baselineRssMib);
    const f = (n: number) => n.toFixed(1);
    const markdown = [
      `Package: ${f(mib)} MiB, ${files} files (${r.ingest.extractedFiles} extracted); baseline RSS ${f(r.baselineRssMib)} MiB`,
      '',
      '| step | time (s) | MiB/s | peak RSS (MiB) |',
      '| --- | ---: | ---: | ---: |',
      `| raw S3 PUT | ${f(raw.ms / 1000)} | ${f(r.rawPut.mibPerSec)} | ${f(r.rawPut.peakRssMib)} |`,
      `| ingestion (hash, inspect, extract, copy, records, resource) | ${f(ingest.ms / 1000)} | ${f(r.ingest.mibPerSec)} | ${f(r.ingest.peakRssMib)} |`,
      '',
      `Throughput ratio ingestion / raw PUT: ${throughputRatio.toFixed(2)}; peak RSS above baseline, ingestion / raw PUT: ${rssRatio.toFixed(2)}`,
    ].join('\n');
    return { ...r, throughputRatio, rssRatio, markdown };
  } finally {
    await hub.container.models.connection.db?.dropDatabase().catch(() => undefined);
    await hub.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runIngestBench({ quick: process.argv.includes('--quick') }).then(
    (r) => {
      console.log(r.markdown);
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
