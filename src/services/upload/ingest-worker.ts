import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { AppError } from '../../errors/app-errors';
import { isIngestError } from '../../ingest';
import type {
  IngestClaimDoc,
  IngestFailure,
  IngestJobDoc,
} from '../../models/asset/ingest-job.model';
import type { IngestJobRepository } from '../../models/asset/ingest-job.repository';
import type { PipelineResult } from './ingest-pipeline';
import { UploadProblem } from './upload-problem';

export interface WorkerOptions {
  jobs: IngestJobRepository;
  /** Runs one job; must be idempotent (a lease can expire under a slow worker). */
  run: (job: IngestJobDoc, signal: AbortSignal) => Promise<PipelineResult>;
  /** Called once when a job fails for good (clean up, mark the upload rejected). */
  onFailed: (job: IngestJobDoc, failure: IngestFailure) => Promise<void>;
  log: Logger;
  concurrency: number;
  pollMs: number;
  leaseMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  now?: () => Date;
  workerId?: string;
}

/** Transient: anything but a refusal of the content or of the uploader. */
function classify(err: unknown): {
  code: string;
  message: string;
  details?: unknown;
  permanent: boolean;
} {
  if (isIngestError(err))
    return { code: err.code, message: err.message, details: err.details, permanent: true };
  if (err instanceof UploadProblem)
    return { code: err.code, message: err.message, details: err.details, permanent: true };
  if (err instanceof AppError)
    return { code: err.code, message: err.message, details: err.details, permanent: true };
  return {
    code: 'INGEST_TRANSIENT_ERROR',
    message:
      `暂时性错误，将重试 / transient error, will retry: ${(err as Error)?.message ?? String(err)}`.slice(
        0,
        500,
      ),
    permanent: false,
  };
}

/**
 * Runs ingestion jobs, safely with several hub processes on one database.
 *
 * The lock is a claim document `<jobId>#<attempt>` (see IngestClaimDoc):
 * FerretDB 1.24 has no atomic compare-and-set on a job document, but an
 * insert with a unique `_id` is atomic. A claim's lease is extended by
 * heartbeats; when it runs out (its worker died), the next worker claims
 * attempt + 1. Every pipeline step is idempotent, so even a worker stalled
 * past its lease and a successor converge on one asset and one resource.
 * Transient failures retry with exponential back-off; refusals fail at once.
 */
export class IngestWorker {
  readonly workerId: string;
  /** Jobs this worker ran to the end (READY or FAILED): tests check "processed once" with it. */
  processed = 0;
  private readonly now: () => Date;
  private stopped = true;
  private loops: Promise<void>[] = [];
  private wake: Array<() => void> = [];
  private readonly inFlight = new Map<string, AbortController>();

  constructor(private readonly o: WorkerOptions) {
    this.workerId = o.workerId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
    this.now = o.now ?? (() => new Date());
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loops = Array.from({ length: this.o.concurrency }, () => this.loop());
  }

  /** Wakes idle loops (a job was just queued). */
  nudge(): void {
    for (const w of this.wake.splice(0)) w();
  }

  /**
   * Stops taking jobs, interrupts running ones and hands them back (status
   * PENDING, claim expired) so another process, or this one after a
   * restart, resumes them at once. Resolves when every loop has ended.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.nudge();
    for (const c of this.inFlight.values()) c.abort(new Error('worker stopping'));
    await Promise.allSettled(this.loops);
    this.loops = [];
  }

  /** Claims one runnable job and runs it; null when there was nothing to claim. */
  async runOnce(): Promise<IngestJobDoc | null> {
    const claimed = await this.claimNext();
    if (!claimed) return null;
    await this.process(claimed.job, claimed.claim);
    return (await this.o.jobs.findById(claimed.job._id)) ?? claimed.job;
  }

  /** Finds a runnable job and claims it (public so tests can claim and then "die"). */
  async claimNext(): Promise<{ job: IngestJobDoc; claim: IngestClaimDoc } | null> {
    for (const job of await this.o.jobs.findRunnable(this.now(), 10)) {
      const claim = await this.claim(job);
      if (claim) return { job, claim };
    }
    return null;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let claimed: Awaited<ReturnType<IngestWorker['claimNext']>> = null;
      try {
        claimed = await this.claimNext();
        if (claimed) await this.process(claimed.job, claimed.claim);
      } catch (err) {
        this.o.log.error({ err }, 'ingest worker loop error');
      }
      if (!claimed && !this.stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.o.pollMs);
          this.wake.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    }
  }

  /**
   * Claims the job's next attempt. A taken attempt whose lease ran out means
   * its worker died: try the one after (ids are never reused).
   */
  private async claim(job: IngestJobDoc): Promise<IngestClaimDoc | null> {
    const now = this.now();
    for (let attempt = job.attempts + 1; attempt <= job.attempts + 10; attempt += 1) {
      const claim: IngestClaimDoc = {
        _id: `${job._id.toHexString()}#${attempt}`,
        jobId: job._id,
        attempt,
        workerId: this.workerId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.o.leaseMs),
      };
      if (await this.o.jobs.insertClaim(claim)) {
        // Re-read: the job may have finished between our read and our claim.
        const current = await this.o.jobs.findById(job._id);
        if (!current || current.status === 'READY' || current.status === 'FAILED') {
          await this.o.jobs.setClaimExpiry(claim._id, now);
          return null;
        }
        await this.o.jobs.set(job._id, {
          status: 'PROCESSING',
          attempts: attempt,
          leaseExpiresAt: claim.expiresAt,
          workerId: this.workerId,
          startedAt: current.startedAt ?? now,
        });
        return claim;
      }
      const held = await this.o.jobs.findClaim(claim._id);
      if (held && held.expiresAt > now) return null;
    }
    return null;
  }

  private async process(job: IngestJobDoc, claim: IngestClaimDoc): Promise<void> {
    const log = this.o.log.child({ jobId: job._id.toHexString(), attempt: claim.attempt });
    const controller = new AbortController();
    this.inFlight.set(claim._id, controller);
    const heartbeat = setInterval(
      () => {
        const expiresAt = new Date(this.now().getTime() + this.o.leaseMs);
        void Promise.all([
          this.o.jobs.setClaimExpiry(claim._id, expiresAt),
          this.o.jobs.set(job._id, { leaseExpiresAt: expiresAt }),
        ]).catch((err) => log.warn({ err }, 'lease heartbeat failed'));
      },
      Math.max(1_000, this.o.leaseMs / 3),
    );
    heartbeat.unref();
    try {
      if (claim.attempt > this.o.maxAttempts) {
        await this.fail(job, {
          code: 'INGEST_ATTEMPTS_EXHAUSTED',
          message: `已尝试 ${this.o.maxAttempts} 次仍未成功 / gave up after ${this.o.maxAttempts} attempts`,
          detailsJson: null,
          at: this.now(),
          transient: false,
        });
        return;
      }
      log.info('ingesting');
      const result = await this.o.run(job, controller.signal);
      if (!(await this.stillOwner(claim))) {
        log.warn('lease was taken over; leaving the result to the new owner');
        return;
      }
      await this.o.jobs.set(job._id, {
        status: 'READY',
        assetId: result.assetId,
        packageId: result.packageId,
        resourceId: result.resourceId,
        warningCount: result.warningCount,
        leaseExpiresAt: null,
        finishedAt: this.now(),
      });
      this.processed += 1;
      log.info({ resourceId: result.resourceId.toHexString() }, 'ingested');
    } catch (err) {
      if (controller.signal.aborted && this.stopped) {
        // Clean stop: hand the job back for whoever runs next.
        await this.o.jobs.set(job._id, {
          status: 'PENDING',
          nextRunAt: this.now(),
          leaseExpiresAt: null,
        });
        await this.o.jobs.setClaimExpiry(claim._id, new Date(this.now().getTime() - 1));
        log.info('handed back on stop');
        return;
      }
      const c = classify(err);
      const failure: IngestFailure = {
        code: c.code,
        message: c.message,
        detailsJson: c.details ? JSON.stringify(c.details).slice(0, 2000) : null,
        at: this.now(),
        transient: !c.permanent && claim.attempt < this.o.maxAttempts,
      };
      if (failure.transient) {
        log.warn({ err }, 'ingestion failed; will retry');
        const delay = Math.min(3_600_000, this.o.retryBaseMs * 2 ** (claim.attempt - 1));
        const current = await this.o.jobs.findById(job._id);
        await this.o.jobs.set(job._id, {
          status: 'PENDING',
          nextRunAt: new Date(this.now().getTime() + delay),
          leaseExpiresAt: null,
          failures: [...(current?.failures ?? []), failure].slice(-20),
        });
        await this.o.jobs.setClaimExpiry(claim._id, this.now());
      } else {
        if (!c.permanent) failure.code = 'INGEST_ATTEMPTS_EXHAUSTED';
        log.info({ code: c.code }, 'ingestion refused');
        await this.fail(job, failure);
      }
    } finally {
      clearInterval(heartbeat);
      this.inFlight.delete(claim._id);
    }
  }

  private async fail(job: IngestJobDoc, failure: IngestFailure): Promise<void> {
    const current = await this.o.jobs.findById(job._id);
    // Clean up first: once a poller sees FAILED, nothing of the content is left stored.
    await this.o
      .onFailed(current ?? job, failure)
      .catch((err) =>
        this.o.log.error({ err, jobId: job._id.toHexString() }, 'cleanup after failure failed'),
      );
    await this.o.jobs.set(job._id, {
      status: 'FAILED',
      leaseExpiresAt: null,
      finishedAt: this.now(),
      failures: [...(current?.failures ?? []), failure].slice(-20),
    });
    this.processed += 1;
  }

  /** No later attempt was claimed: a successor would have taken over after our lease expired. */
  private async stillOwner(claim: IngestClaimDoc): Promise<boolean> {
    return !(await this.o.jobs.findClaim(`${claim.jobId.toHexString()}#${claim.attempt + 1}`));
  }
}
