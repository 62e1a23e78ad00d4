import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Types } from 'mongoose';
import type { Logger } from 'pino';
import {
  SNIFF_BYTES,
  inspectMedia,
  inspectPackage,
  sniffMediaType,
  type MediaInspection,
  type PackageInspection,
  type PackageLimits,
} from '../../ingest';
import type { AssetDoc } from '../../models/asset/asset.model';
import type { AssetRepository } from '../../models/asset/asset.repository';
import type { IngestJobDoc } from '../../models/asset/ingest-job.model';
import type { IngestJobRepository } from '../../models/asset/ingest-job.repository';
import type { PackageDoc } from '../../models/asset/package.model';
import type { UploadDoc } from '../../models/asset/upload.model';
import type { UploadRepository } from '../../models/asset/upload.repository';
import { keys, type ContentStore } from './content-store';
import { extractPackage } from './package-extractor';
import type { ResourceApplier } from './resource-applier';
import { KIND_OF_SNIFFED } from './upload-kinds';
import { UploadProblem } from './upload-problem';

export interface PipelineDeps {
  uploads: UploadRepository;
  jobs: IngestJobRepository;
  assets: AssetRepository;
  store: ContentStore;
  applier: ResourceApplier;
  log: Logger;
  packageLimits?: Partial<PackageLimits>;
  now?: () => Date;
}

export interface PipelineResult {
  assetId: Types.ObjectId;
  packageId: Types.ObjectId | null;
  resourceId: Types.ObjectId;
  warningCount: number;
}

/**
 * Ingests one completed upload. Every step is idempotent, so a retry (or a
 * second worker that took over an expired lease) converges on the same
 * result: content is stored under its hash and asset/package records are
 * insert-or-get on unique keys; the resource is created with an idempotency
 * key derived from the job.
 *
 * Order matters for hostile input: the bytes are hashed and inspected, and a
 * package fully extracted, before anything is recorded as an asset; a refusal
 * at any of those steps leaves nothing behind but what {@link cleanUpRefused}
 * removes.
 */
export async function runPipeline(
  deps: PipelineDeps,
  job: IngestJobDoc,
  signal: AbortSignal,
): Promise<PipelineResult> {
  const upload = await deps.uploads.findById(job.uploadId);
  if (!upload) throw new Error(`upload ${job.uploadId.toHexString()} of job is missing`);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'ingest-'));
  // Step timings, logged at the end: where a slow ingestion spends its time.
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (step: string) => {
    const t = performance.now();
    timings[step] = Math.round(t - mark);
    mark = t;
  };
  try {
    // 1. Bytes: from staging, or, when a previous attempt already stored and
    //    deleted them, from the content-addressed copy.
    let source = upload.stagingKey;
    let known: AssetDoc | null = job.sha256 ? await deps.assets.findBySha256(job.sha256) : null;
    if (!(await deps.store.head(source))) {
      if (!known)
        throw new UploadProblem(
          'UPLOAD_MISSING',
          '上传的文件已不存在（可能已过期被清理）/ the uploaded bytes are gone (expired?)',
        );
      source = known.key;
    }
    // Named like the upload: the ingest core falls back to the file name for untitled packages.
    const file = path.join(tmp, upload.filename.slice(-100).replace(/^\.+/, '_') || 'upload');
    const { sha256, size } = await deps.store.downloadHashing(source, file, signal);
    if (size !== upload.size)
      throw new UploadProblem(
        'UPLOAD_SIZE_MISMATCH',
        `收到 ${size} 字节，声明的是 ${upload.size} 字节 / received ${size} bytes, declared ${upload.size}`,
      );
    if (upload.declaredSha256 && upload.declaredSha256 !== sha256)
      throw new UploadProblem(
        'UPLOAD_SHA256_MISMATCH',
        `SHA-256 不符：声明 ${upload.declaredSha256}，实际 ${sha256} / SHA-256 mismatch: declared ${upload.declaredSha256}, received ${sha256}`,
        'sha256',
      );
    lap('downloadAndHashMs');
    if (job.sha256 !== sha256) await deps.jobs.set(job._id, { sha256 });
    known ??= await deps.assets.findBySha256(sha256);

    // 2. Inspection: by content, never by name.
    const head = await readHead(file);
    const sniffed = sniffMediaType(head);
    let pkg: PackageInspection | undefined;
    let media: MediaInspection | undefined;
    if (upload.kind === 'PACKAGE') {
      pkg = await inspectPackage(file, deps.packageLimits);
    } else {
      media = await inspectMedia(file);
      if (KIND_OF_SNIFFED[media.kind] !== upload.kind)
        throw new UploadProblem(
          'UPLOAD_TYPE_MISMATCH',
          `文件内容是 ${media.mime}，不是 ${upload.kind} / the bytes are ${media.mime}, not ${upload.kind}`,
        );
    }
    signal.throwIfAborted();
    lap('inspectMs');

    // 3. Extraction, unless this content was extracted before (its package record exists).
    let pkgDoc: PackageDoc | null = known ? await deps.assets.findPackageByAsset(known._id) : null;
    let fileCount = pkgDoc?.fileCount ?? 0;
    const prefix = keys.packagePrefix(sha256);
    if (pkg && !pkgDoc && sniffed?.kind === 'archive') {
      fileCount = await extractPackage(file, prefix, deps.store, deps.packageLimits ?? {}, {
        signal,
      });
    }

    lap('extractMs');

    // 4. Content-addressed copy and the asset record.
    const contentKey = keys.content(sha256);
    const mediaType = pkg
      ? (sniffed?.mime ?? 'application/xml')
      : (media?.mime ?? 'application/octet-stream');
    if (!known || !(await deps.store.head(contentKey))) {
      if (source !== contentKey) await deps.store.copy(source, contentKey, mediaType);
    }
    if (!known) {
      known = (
        await deps.assets.insertOrGet({
          _id: new Types.ObjectId(),
          sha256,
          size,
          mediaType,
          kind: upload.kind,
          key: contentKey,
          originalFilename: upload.filename,
          createdBy: upload.createdBy,
          unitId: upload.unitId,
          media: media ? mediaInfo(media) : null,
          createdAt: now(deps),
        })
      ).asset;
    }
    if (pkg && !pkgDoc) {
      pkgDoc = await deps.assets.insertPackageOrGet(
        packageDoc(known, pkg, prefix, fileCount, now(deps)),
      );
    }
    const warningCount = pkg?.warnings.length ?? 0;
    await deps.jobs.set(job._id, {
      assetId: known._id,
      packageId: pkgDoc?._id ?? null,
      warningCount,
    });

    lap('storeMs');

    // 5. The catalogue resource (once per job, even across retries).
    const fresh = (await deps.jobs.findById(job._id)) ?? job;
    let resourceId = fresh.resourceAppliedAt ? fresh.resourceId : null;
    if (!resourceId) {
      const resource = await deps.applier.apply({
        jobId: job._id,
        upload,
        targetResourceId: upload.targetResourceId,
        pkg,
        media,
      });
      resourceId = resource._id;
      await deps.jobs.set(job._id, { resourceId, resourceAppliedAt: now(deps) });
    }
    await deps.assets.setResourceContent({
      _id: resourceId,
      assetId: known._id,
      packageId: pkgDoc?._id ?? null,
      jobId: job._id,
      uploadId: upload._id,
      updatedAt: now(deps),
    });

    // 6. The staged copy is no longer needed.
    if (upload.stagingKey !== known.key) await deps.store.delete(upload.stagingKey);
    lap('resourceMs');
    deps.log.info({ jobId: job._id.toHexString(), size, fileCount, ...timings }, 'ingestion steps');
    return { assetId: known._id, packageId: pkgDoc?._id ?? null, resourceId, warningCount };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * After a refusal: deletes the staged bytes, and whatever this content left
 * in S3 when no asset records it (a partial extraction, a content copy).
 * Content that an earlier upload stored successfully is never touched.
 */
export async function cleanUpRefused(
  deps: Pick<PipelineDeps, 'assets' | 'store' | 'jobs'>,
  upload: UploadDoc,
  jobId: Types.ObjectId,
): Promise<void> {
  await deps.store.delete(upload.stagingKey);
  const job = await deps.jobs.findById(jobId);
  if (job?.sha256 && !(await deps.assets.findBySha256(job.sha256))) {
    await deps.store.deletePrefix(keys.packagePrefix(job.sha256));
    await deps.store.delete(keys.content(job.sha256));
  }
}

const now = (deps: PipelineDeps) => (deps.now ? deps.now() : new Date());

async function readHead(file: string): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function mediaInfo(m: MediaInspection): AssetDoc['media'] {
  return {
    kind: m.kind,
    mime: m.mime,
    ext: m.ext,
    durationSeconds: m.durationSeconds ?? null,
    container: m.container ?? null,
    codec: m.codec ?? null,
    sampleRate: m.sampleRate ?? null,
    numberOfChannels: m.numberOfChannels ?? null,
    bitrate: m.bitrate ?? null,
    title: m.title ?? null,
  };
}

function packageDoc(
  asset: AssetDoc,
  p: PackageInspection,
  prefix: string,
  fileCount: number,
  at: Date,
): PackageDoc {
  return {
    _id: new Types.ObjectId(),
    assetId: asset._id,
    sha256: asset.sha256,
    format: p.format,
    formatVersion: p.formatVersion ?? null,
    identifier: p.identifier ?? null,
    title: p.title,
    description: p.description ?? null,
    language: p.language ?? null,
    keywords: p.keywords,
    rootPath: p.rootPath,
    defaultOutlineId: p.defaultOutlineId ?? null,
    contentPrefix: prefix,
    fileCount,
    totalSize: p.totalSize,
    metadataJson: p.metadata ? JSON.stringify(p.metadata) : null,
    outlinesJson: JSON.stringify(p.outlines),
    entryPointsJson: JSON.stringify(p.entryPoints),
    warningsJson: JSON.stringify(p.warnings),
    createdAt: at,
  };
}
