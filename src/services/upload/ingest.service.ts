import { Types } from 'mongoose';
import type { Logger } from 'pino';
import type { Viewer } from '../../auth/viewer';
import type { UploadConfig } from '../../config';
import type { EntryPoint } from '../../ingest';
import type { AssetDoc } from '../../models/asset/asset.model';
import type { AssetRepository } from '../../models/asset/asset.repository';
import type { IngestJobDoc, IngestJobStatus } from '../../models/asset/ingest-job.model';
import type { IngestJobRepository } from '../../models/asset/ingest-job.repository';
import type { PackageDoc } from '../../models/asset/package.model';
import type { UploadRepository } from '../../models/asset/upload.repository';
import type { ContentStore } from './content-store';
import { signLaunchToken } from './launch-token';
import { cleanUpRefused, runPipeline, type PipelineDeps } from './ingest-pipeline';
import { IngestWorker, type WorkerOptions } from './ingest-worker';
import { sweepExpiredUploads, type SweepResult } from './sweeper';
import { assertCanSee, requireUser } from './upload-access';
import type { UploadService } from './upload.service';

/**
 * Ingestion jobs (reads, the worker, the sweeper) and the content they
 * produce (packages, assets, launch URLs).
 */
export class IngestService {
  constructor(
    private readonly jobs: IngestJobRepository,
    private readonly uploadsRepo: UploadRepository,
    private readonly assets: AssetRepository,
    private readonly uploads: UploadService,
    private readonly store: ContentStore,
    private readonly pipeline: Omit<PipelineDeps, 'uploads' | 'jobs' | 'assets' | 'store' | 'log'>,
    private readonly config: UploadConfig,
    private readonly log: Logger,
  ) {}

  async get(viewer: Viewer, id: Types.ObjectId): Promise<IngestJobDoc> {
    const job = await this.jobs.findById(id);
    assertCanSee(viewer, job, 'job');
    return job!;
  }

  list(viewer: Viewer, first: number, status?: IngestJobStatus): Promise<IngestJobDoc[]> {
    const user = requireUser(viewer);
    return this.jobs.listWithin(new Types.ObjectId(user.unitId), first, status);
  }

  /**
   * A worker with this hub's settings. `now` and `workerId` are injectable so
   * tests can run two workers on one job and move a clock past a lease.
   */
  createWorker(
    overrides: Partial<Pick<WorkerOptions, 'now' | 'workerId' | 'leaseMs' | 'concurrency'>> = {},
  ): IngestWorker {
    const deps: PipelineDeps = {
      ...this.pipeline,
      uploads: this.uploadsRepo,
      jobs: this.jobs,
      assets: this.assets,
      store: this.store,
      log: this.log,
      now: overrides.now,
    };
    return new IngestWorker({
      jobs: this.jobs,
      run: (job, signal) => runPipeline(deps, job, signal),
      onFailed: async (job, failure) => {
        const upload = await this.uploadsRepo.findById(job.uploadId);
        if (!upload) return;
        await cleanUpRefused(deps, upload, job._id);
        await this.uploads.markRejected(upload._id, failure.code, failure.message);
      },
      log: this.log.child({ component: 'ingest-worker' }),
      concurrency: this.config.workerConcurrency,
      pollMs: this.config.workerPollMs,
      leaseMs: this.config.leaseSeconds * 1000,
      maxAttempts: this.config.maxAttempts,
      retryBaseMs: this.config.retryBaseSeconds * 1000,
      ...overrides,
    });
  }

  /** Expires abandoned uploads as of `now` (tests pass a clock of their own). */
  sweep(now: Date = new Date()): Promise<SweepResult> {
    return sweepExpiredUploads(this.uploadsRepo, this.uploads, this.log, now);
  }

  /**
   * Starts this process's worker and sweeper (each only when configured) and
   * returns the function that stops both, waiting for running jobs to hand back.
   */
  startBackground(): () => Promise<void> {
    const worker = this.config.workerConcurrency > 0 ? this.createWorker() : undefined;
    if (worker) {
      this.uploads.onJobQueued = () => worker.nudge();
      worker.start();
    }
    let sweeping: Promise<unknown> = Promise.resolve();
    const timer =
      this.config.sweepIntervalSeconds > 0
        ? setInterval(() => {
            sweeping = this.sweep().catch((err) => this.log.warn({ err }, 'upload sweep failed'));
          }, this.config.sweepIntervalSeconds * 1000)
        : undefined;
    timer?.unref();
    return async () => {
      if (timer) clearInterval(timer);
      this.uploads.onJobQueued = () => undefined;
      await worker?.stop();
      await sweeping;
    };
  }

  asset(id: Types.ObjectId): Promise<AssetDoc | null> {
    return this.assets.findById(id);
  }

  /** Where clients reach this hub; launch URLs are absolute so portals on other origins can use them. */
  private publicBaseUrl = '';

  setPublicBaseUrl(url: string): void {
    this.publicBaseUrl = this.config.publicUrl ?? url.replace(/\/+$/, '');
  }

  /**
   * A short-lived URL of a file inside a package, served by the hub's content
   * route under a token that covers the whole package, so the page's relative
   * links work too. See README, "Hosting package content".
   */
  async packageFileUrl(pkg: PackageDoc, href: string): Promise<string> {
    const expires = new Date(Date.now() + this.config.launchUrlTtlSeconds * 1000);
    const token = signLaunchToken(pkg.contentPrefix, expires, this.config.contentSigningSecret);
    const path = href.split('/').map(encodeURIComponent).join('/');
    return `${this.publicBaseUrl}/content/${token}/${path}`;
  }

  assetUrl(asset: AssetDoc): Promise<string> {
    return this.store.presignGet(asset.key, this.config.launchUrlTtlSeconds, {
      contentType: asset.mediaType,
      downloadName: asset.originalFilename,
    });
  }

  /** The launch URL of an entry point: a presigned GET plus its parameters, or the remote URL as is. */
  async launchUrl(pkg: PackageDoc, entry: Pick<EntryPoint, 'launch'>): Promise<string> {
    if (entry.launch.remote) return entry.launch.url;
    const url = await this.packageFileUrl(pkg, entry.launch.href);
    const params = entry.launch.parameters?.replace(/^[?&]/, '');
    if (!params) return url;
    const [query, fragment] = params.split('#', 2);
    return `${url}${query ? `?${query}` : ''}${fragment !== undefined ? `#${fragment}` : ''}`;
  }
}
