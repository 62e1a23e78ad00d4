import path from 'node:path';
import { Types } from 'mongoose';
import type { Logger } from 'pino';
import { can } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import type { UploadConfig } from '../../config';
import { BadUserInputError, ForbiddenError } from '../../errors/app-errors';
import { SNIFF_BYTES, sniffMediaType } from '../../ingest';
import type { IngestJobDoc } from '../../models/asset/ingest-job.model';
import type { IngestJobRepository } from '../../models/asset/ingest-job.repository';
import type {
  UploadKind,
  UploadDoc,
  UploadPartDoc,
  UploadStatus,
} from '../../models/asset/upload.model';
import { UPLOAD_KINDS } from '../../models/asset/upload.model';
import type { UploadRepository } from '../../models/asset/upload.repository';
import type { OrgUnitRepository } from '../../models/org-unit/org-unit.repository';
import type { ResourceService } from '../catalogue/resource.service';
import { OrgUnitService } from '../org-unit/org-unit.service';
import { keys, type ContentStore } from './content-store';
import { assertCanSee, isUploader, requireUser } from './upload-access';
import {
  ACCEPTED_TYPES,
  KIND_OF_SNIFFED,
  RESOURCE_KIND_OF,
  kindForContentType,
  looksLikeCourseStructure,
} from './upload-kinds';
import { UploadProblem } from './upload-problem';

export interface CreateUploadInput {
  filename: string;
  size: number;
  contentType: string;
  sha256?: string | null;
  kind?: UploadKind | null;
  ownerUnitId?: Types.ObjectId | null;
  /** An existing resource the content becomes a new version of. */
  resourceId?: Types.ObjectId | null;
  /** Title for the resource, preferred over the package's own. */
  title?: string | null;
}

export interface PartPlan {
  number: number;
  size: number;
}

/** S3 allows at most 10 000 parts; parts other than the last must be at least 5 MiB. */
const MAX_PARTS = 10_000;
const MiB = 1024 * 1024;
/** Presigned part URLs handed out per request (a client asks again for more). */
export const MAX_PART_URLS = 500;

/**
 * The upload protocol. Clients PUT bytes straight to S3 with presigned URLs
 * (one PUT, or a multipart upload whose parts they report back so that an
 * interrupted upload resumes where it stopped), then complete: the staged
 * object is checked against what was declared (size by HEAD, type by its
 * first bytes) and an ingestion job is queued.
 */
export class UploadService {
  /** Called when a job is queued, so a local worker starts at once instead of at its next poll. */
  onJobQueued: () => void = () => undefined;

  constructor(
    private readonly uploads: UploadRepository,
    private readonly jobs: IngestJobRepository,
    private readonly units: OrgUnitRepository,
    private readonly resources: ResourceService,
    private readonly store: ContentStore,
    private readonly config: UploadConfig,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(viewer: Viewer, input: CreateUploadInput): Promise<UploadDoc> {
    const user = requireUser(viewer);
    const unitId = input.ownerUnitId ?? new Types.ObjectId(user.unitId);
    const unit = await this.units.findById(unitId);
    if (!unit) throw new BadUserInputError('找不到所属单位 / owner unit not found', 'ownerUnitId');
    if (!can(user, 'content.author', OrgUnitService.toRef(unit)))
      throw new ForbiddenError(
        '只有本单位的作者或审核员可以上传 / only authors and curators of the unit may upload',
      );

    const filename = cleanFilename(input.filename);
    const contentType = input.contentType.trim().toLowerCase().split(';')[0];
    if (!/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(contentType) || contentType.length > 100)
      throw new BadUserInputError('无效的内容类型 / invalid contentType', 'contentType');
    const kind = input.kind ?? kindForContentType(contentType);
    if (!kind || !UPLOAD_KINDS.includes(kind))
      throw new BadUserInputError(
        `无法从 ${contentType} 判断上传类型，请指定 kind / cannot tell the kind from ${contentType}; give kind`,
        'kind',
      );
    if (contentType !== 'application/octet-stream' && !ACCEPTED_TYPES[kind].includes(contentType))
      throw new BadUserInputError(
        `${kind} 不接受 ${contentType} / ${contentType} is not accepted for ${kind}`,
        'contentType',
      );
    const max = this.config.maxBytes[kind];
    if (!Number.isSafeInteger(input.size) || input.size < 1)
      throw new BadUserInputError('文件大小应为正整数 / size must be a positive integer', 'size');
    if (input.size > max)
      throw new UploadProblem(
        'UPLOAD_TOO_LARGE',
        `${kind} 文件最大 ${formatBytes(max)} / ${kind} files are limited to ${formatBytes(max)}`,
        'size',
        { limit: max },
      );
    const sha256 = input.sha256?.trim().toLowerCase() || null;
    if (sha256 !== null && !/^[0-9a-f]{64}$/.test(sha256))
      throw new BadUserInputError(
        'sha256 应为 64 位十六进制 / sha256 must be 64 hex digits',
        'sha256',
      );
    const title = input.title?.trim() || null;
    if (title && title.length > 200)
      throw new BadUserInputError(
        '标题最多 200 个字符 / title is limited to 200 characters',
        'title',
      );
    if (input.resourceId) {
      // Must be visible and editable by the uploader, and of the kind this content makes.
      const target = await this.resources.get(user, input.resourceId);
      if (target.kind !== RESOURCE_KIND_OF[kind])
        throw new UploadProblem(
          'RESOURCE_KIND_MISMATCH',
          `资源类型为 ${target.kind}，而上传的是 ${kind} / the resource is ${target.kind}, the upload is ${kind}`,
          'resourceId',
        );
      const owner = await this.units.findById(target.ownerUnitId);
      if (!owner || !can(user, 'content.author', OrgUnitService.toRef(owner)))
        throw new ForbiddenError(
          '只有所属单位的作者可以更新该资源 / only authors of the owning unit may update it',
        );
    }

    const id = new Types.ObjectId();
    const stagingKey = keys.staging(id.toHexString());
    const multipart = input.size > this.config.multipartThresholdBytes;
    const partSize = multipart ? this.partSizeFor(input.size) : input.size;
    const s3UploadId = multipart ? await this.store.createMultipart(stagingKey) : null;
    const now = this.now();
    try {
      return await this.uploads.insert({
        _id: id,
        unitId: unit._id,
        unitPath: [...unit.ancestorIds, unit._id],
        createdBy: new Types.ObjectId(user.userId),
        filename,
        size: input.size,
        contentType,
        kind,
        declaredSha256: sha256,
        mode: multipart ? 'MULTIPART' : 'SINGLE',
        stagingKey,
        s3UploadId,
        partSize,
        partCount: multipart ? Math.ceil(input.size / partSize) : 1,
        status: 'PENDING',
        targetResourceId: input.resourceId ?? null,
        titleHint: title,
        rejection: null,
        jobId: null,
        expiresAt: new Date(now.getTime() + this.config.ttlSeconds * 1000),
        completedAt: null,
      });
    } catch (err) {
      if (s3UploadId)
        await this.store.abortMultipart(stagingKey, s3UploadId).catch(() => undefined);
      throw err;
    }
  }

  async get(viewer: Viewer, id: Types.ObjectId): Promise<UploadDoc> {
    const doc = await this.uploads.findById(id);
    assertCanSee(viewer, doc, 'upload');
    return doc!;
  }

  list(viewer: Viewer, first: number, status?: UploadStatus): Promise<UploadDoc[]> {
    const user = requireUser(viewer);
    return this.uploads.listWithin(new Types.ObjectId(user.unitId), first, status);
  }

  /** Parts the client reported, in order. */
  parts(upload: UploadDoc): Promise<UploadPartDoc[]> {
    return upload.mode === 'MULTIPART' ? this.uploads.parts(upload._id) : Promise.resolve([]);
  }

  /** The plan: every part's number and size. */
  plan(upload: UploadDoc): PartPlan[] {
    return Array.from({ length: upload.partCount }, (_, i) => ({
      number: i + 1,
      size: i + 1 < upload.partCount ? upload.partSize : upload.size - upload.partSize * i,
    }));
  }

  async missingParts(upload: UploadDoc): Promise<number[]> {
    if (upload.mode !== 'MULTIPART') return [];
    const have = new Set((await this.parts(upload)).map((p) => p.partNumber));
    return this.plan(upload)
      .map((p) => p.number)
      .filter((n) => !have.has(n));
  }

  /** The single PUT URL, for the uploader of a pending single-PUT upload. */
  putUrl(viewer: Viewer, upload: UploadDoc): Promise<string> | null {
    if (upload.mode !== 'SINGLE' || upload.status !== 'PENDING' || !isUploader(viewer, upload))
      return null;
    return this.store.presignPut(upload.stagingKey, upload.size, this.urlTtl(upload));
  }

  /** Fresh part URLs (default: the parts not reported yet), for the uploader of a pending upload. */
  async partUrls(
    viewer: Viewer,
    upload: UploadDoc,
    numbers?: number[] | null,
  ): Promise<Array<PartPlan & { url: string }>> {
    if (upload.mode !== 'MULTIPART' || upload.status !== 'PENDING' || !isUploader(viewer, upload))
      return [];
    const wanted = numbers ?? (await this.missingParts(upload));
    if (wanted.length > MAX_PART_URLS)
      throw new BadUserInputError(
        `一次最多 ${MAX_PART_URLS} 个分片 / at most ${MAX_PART_URLS} parts per request`,
        'numbers',
      );
    const plan = this.plan(upload);
    const ttl = this.urlTtl(upload);
    return Promise.all(
      [...new Set(wanted)].map(async (n) => {
        const part = plan[n - 1];
        if (!Number.isInteger(n) || !part)
          throw new BadUserInputError(`分片号 ${n} 无效 / no part ${n}`, 'numbers');
        return {
          ...part,
          url: await this.store.presignPart(
            upload.stagingKey,
            upload.s3UploadId!,
            n,
            part.size,
            ttl,
          ),
        };
      }),
    );
  }

  /**
   * Records a part the client stored (its ETag from the PUT response).
   * Reporting a part again replaces the earlier report, so retries are safe.
   */
  async recordPart(
    viewer: Viewer,
    id: Types.ObjectId,
    partNumber: number,
    etag: string,
  ): Promise<UploadDoc> {
    const upload = await this.pendingOfUploader(viewer, id);
    if (upload.mode !== 'MULTIPART')
      throw new BadUserInputError(
        '单次上传没有分片 / a single-PUT upload has no parts',
        'partNumber',
      );
    const part = this.plan(upload)[partNumber - 1];
    if (!Number.isInteger(partNumber) || !part)
      throw new BadUserInputError(
        `分片号应在 1–${upload.partCount} 之间 / partNumber must be 1–${upload.partCount}`,
        'partNumber',
      );
    const bare = etag.trim().replace(/^"|"$/g, '');
    if (!/^[A-Za-z0-9-]{1,128}$/.test(bare))
      throw new BadUserInputError('无效的 ETag / invalid etag', 'etag');
    await this.uploads.recordPart({
      _id: `${upload._id.toHexString()}#${partNumber}`,
      uploadId: upload._id,
      partNumber,
      size: part.size,
      etag: `"${bare}"`,
      recordedAt: this.now(),
    });
    return upload;
  }

  /**
   * Finishes an upload: assembles the parts, checks size (HEAD) and type
   * (first bytes) against what was declared, and queues ingestion. Safe to
   * call again: a completed upload answers with its job. A mismatch rejects
   * the upload and deletes the staged bytes (the returned problem says why).
   */
  async complete(
    viewer: Viewer,
    id: Types.ObjectId,
  ): Promise<{ upload: UploadDoc; job: IngestJobDoc | null; problem: UploadProblem | null }> {
    const existing = await this.uploads.findById(id);
    assertCanSee(viewer, existing, 'upload');
    if (existing!.status === 'COMPLETED' && existing!.jobId) {
      return { upload: existing!, job: await this.jobs.findById(existing!.jobId), problem: null };
    }
    const upload = await this.pendingOfUploader(viewer, id);

    if (upload.mode === 'MULTIPART') {
      const parts = await this.uploads.parts(upload._id);
      const missing = await this.missingParts(upload);
      if (missing.length)
        throw new UploadProblem(
          'UPLOAD_INCOMPLETE',
          `还有 ${missing.length} 个分片未上传：${missing.slice(0, 20).join(', ')} / ${missing.length} part(s) missing: ${missing.slice(0, 20).join(', ')}`,
          'uploadId',
          { missingParts: missing },
        );
      try {
        await this.store.completeMultipart(
          upload.stagingKey,
          upload.s3UploadId!,
          parts.map((p) => ({ partNumber: p.partNumber, etag: p.etag })),
        );
      } catch (err) {
        // Completed already by a concurrent or earlier call? Then the object is there.
        if (!(await this.store.head(upload.stagingKey))) {
          this.log.warn({ err, uploadId: id.toHexString() }, 'multipart completion refused');
          throw new UploadProblem(
            'UPLOAD_PART_INVALID',
            '存储服务拒绝合并分片，请重新上传分片后再试 / the store refused to assemble the parts; upload them again',
            'uploadId',
          );
        }
      }
    }

    const head = await this.store.head(upload.stagingKey);
    if (!head)
      throw new UploadProblem(
        'UPLOAD_INCOMPLETE',
        '尚未收到文件内容 / no bytes have arrived yet',
        'uploadId',
      );
    if (head.size !== upload.size)
      return this.reject(
        upload,
        new UploadProblem(
          'UPLOAD_SIZE_MISMATCH',
          `收到 ${head.size} 字节，声明的是 ${upload.size} 字节 / received ${head.size} bytes, declared ${upload.size}`,
          'size',
        ),
      );
    const bytes = await this.store.readHead(upload.stagingKey, SNIFF_BYTES);
    const typeProblem = checkSniffedType(upload, bytes);
    if (typeProblem) return this.reject(upload, typeProblem);

    const now = this.now();
    const job = await this.jobs.insertOnce({
      _id: new Types.ObjectId(),
      uploadId: upload._id,
      unitId: upload.unitId,
      unitPath: upload.unitPath,
      createdBy: upload.createdBy,
      status: 'PENDING',
      attempts: 0,
      nextRunAt: now,
      leaseExpiresAt: null,
      workerId: null,
      sha256: null,
      assetId: null,
      packageId: null,
      resourceId: upload.targetResourceId,
      resourceAppliedAt: null,
      failures: [],
      warningCount: 0,
      startedAt: null,
      finishedAt: null,
    });
    const done = await this.uploads.set(upload._id, {
      status: 'COMPLETED',
      jobId: job._id,
      completedAt: now,
    });
    await this.uploads.deleteParts(upload._id);
    this.onJobQueued();
    return { upload: done ?? upload, job, problem: null };
  }

  /** Cancels a pending upload and frees what it stored. */
  async abort(viewer: Viewer, id: Types.ObjectId): Promise<UploadDoc> {
    const upload = await this.pendingOfUploader(viewer, id);
    await this.discardStaged(upload);
    return (await this.uploads.set(upload._id, { status: 'ABORTED' })) ?? upload;
  }

  /** Marks an upload rejected (ingestion refused it, or its bytes do not match). */
  async markRejected(id: Types.ObjectId, code: string, message: string): Promise<void> {
    await this.uploads.set(id, { status: 'REJECTED', rejection: { code, message } });
  }

  /** Aborts the multipart upload (where the store can) and deletes the staged object and parts. */
  async discardStaged(upload: UploadDoc): Promise<'aborted' | 'unsupported' | 'none'> {
    const aborted =
      upload.s3UploadId && upload.status === 'PENDING'
        ? await this.store.abortMultipart(upload.stagingKey, upload.s3UploadId)
        : 'none';
    await this.store.delete(upload.stagingKey);
    await this.uploads.deleteParts(upload._id);
    return aborted;
  }

  private async reject(upload: UploadDoc, problem: UploadProblem) {
    await this.store.delete(upload.stagingKey);
    await this.uploads.deleteParts(upload._id);
    const doc = await this.uploads.set(upload._id, {
      status: 'REJECTED',
      rejection: { code: problem.code, message: problem.message },
    });
    return { upload: doc ?? upload, job: null, problem };
  }

  private async pendingOfUploader(viewer: Viewer, id: Types.ObjectId): Promise<UploadDoc> {
    const upload = await this.uploads.findById(id);
    assertCanSee(viewer, upload, 'upload');
    if (!isUploader(viewer, upload!))
      throw new ForbiddenError('只有上传者本人可以继续此上传 / only the uploader may continue it');
    if (upload!.status !== 'PENDING')
      throw new UploadProblem(
        'UPLOAD_NOT_PENDING',
        `上传已是 ${upload!.status} 状态 / the upload is ${upload!.status}`,
        'uploadId',
      );
    if (upload!.expiresAt <= this.now())
      throw new UploadProblem('UPLOAD_NOT_PENDING', '上传已过期 / the upload expired', 'uploadId');
    return upload!;
  }

  private partSizeFor(size: number): number {
    const minimum = Math.ceil(size / MAX_PARTS / MiB) * MiB;
    return Math.max(this.config.partSizeBytes, minimum);
  }

  private urlTtl(upload: UploadDoc): number {
    const left = Math.floor((upload.expiresAt.getTime() - this.now().getTime()) / 1000);
    return Math.max(1, Math.min(this.config.urlTtlSeconds, left));
  }
}

/** The declared kind must match the bytes; a specific declared type must match the sniffed family. */
function checkSniffedType(upload: UploadDoc, head: Buffer): UploadProblem | null {
  const sniffed = sniffMediaType(head);
  const bad = (what: string) =>
    new UploadProblem(
      'UPLOAD_TYPE_MISMATCH',
      `文件内容是 ${what}，与声明的 ${upload.kind}（${upload.contentType}）不符 / the bytes are ${what}, not ${upload.kind} (${upload.contentType})`,
      'contentType',
      { sniffed: sniffed?.mime ?? null },
    );
  if (upload.kind === 'PACKAGE' && !sniffed && looksLikeCourseStructure(head)) return null;
  if (!sniffed) return bad('unknown');
  if (KIND_OF_SNIFFED[sniffed.kind] !== upload.kind) return bad(sniffed.mime);
  return null;
}

function cleanFilename(name: string): string {
  // Keep the last path segment only, without control characters: it is shown and used as a hint only.
  // eslint-disable-next-line no-control-regex
  const base = path.posix.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '');
  const trimmed = base.trim();
  if (!trimmed || trimmed.length > 255 || trimmed === '.' || trimmed === '..')
    throw new BadUserInputError(
      '文件名应为 1–255 个字符 / filename must be 1–255 characters',
      'filename',
    );
  return trimmed.normalize('NFC');
}

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${+(n / 1024 ** 3).toFixed(2)} GiB`;
  if (n >= MiB) return `${+(n / MiB).toFixed(1)} MiB`;
  return `${n} B`;
}
