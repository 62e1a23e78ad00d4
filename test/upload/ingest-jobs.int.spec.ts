import { Types } from 'mongoose';
import { makeTree, makeUserWithToken } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { UPLOAD_TEST_ENV, getJob, scorm12Entries, uploadFile, zipBytes } from './upload-helpers';

const internal = (globalId: string) =>
  new Types.ObjectId(Buffer.from(globalId, 'base64url').toString().split(':')[1]);

/**
 * Leases and restarts. This hub runs no worker of its own (INGEST_WORKERS=0):
 * the tests create workers, as separate hub processes would, with their own
 * ids and clocks.
 */
describe('ingestion jobs: claims, leases, restarts', () => {
  let t: TestHub;
  let token: string;

  beforeAll(async () => {
    t = await startTestHub({
      env: { ...UPLOAD_TEST_ENV, INGEST_WORKERS: '0', INGEST_LEASE_SECONDS: '30' },
    });
    const tree = await makeTree(t.container);
    token = (await makeUserWithToken(t.container, tree.countyA1, ['AUTHOR'])).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function queue(title: string): Promise<string> {
    const bytes = await zipBytes(scorm12Entries(title));
    const { jobId } = await uploadFile(t, token, bytes, {
      filename: `${title}.zip`,
      contentType: 'application/zip',
    });
    expect((await getJob(t, token, jobId!)).status).toBe('PENDING');
    return jobId!;
  }

  it('two workers racing for the same job: exactly one claims and processes it', async () => {
    const jobId = await queue('并发课程');
    const w1 = t.container.services.ingest.createWorker({ workerId: 'hub-a' });
    const w2 = t.container.services.ingest.createWorker({ workerId: 'hub-b' });
    const results = await Promise.all([w1.runOnce(), w2.runOnce(), w1.runOnce(), w2.runOnce()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(w1.processed + w2.processed).toBe(1);
    const job = await getJob(t, token, jobId);
    expect(job).toMatchObject({ status: 'READY', attempts: 1 });
    expect(await t.container.repos.ingestJobs.claims(internal(jobId))).toHaveLength(1);
    // One resource: the catalogue has exactly the one the job points at.
    const count = await t.container.models.Resource.countDocuments({ title: '并发课程' });
    expect(count).toBe(1);
  });

  it('a worker that dies mid-job (claims, never finishes) is taken over once its lease expires', async () => {
    const jobId = await queue('断电课程');
    const dead = t.container.services.ingest.createWorker({ workerId: 'dies' });
    const claimed = await dead.claimNext();
    expect(claimed?.job._id.toHexString()).toBe(internal(jobId).toHexString());
    expect((await getJob(t, token, jobId)).status).toBe('PROCESSING');

    // While the lease holds, nobody else takes it.
    const early = t.container.services.ingest.createWorker({ workerId: 'early' });
    expect(await early.runOnce()).toBeNull();

    // After the lease (30 s) another process, with its clock past it, finishes the job.
    const later = () => new Date(Date.now() + 31_000);
    const successor = t.container.services.ingest.createWorker({
      workerId: 'successor',
      now: later,
    });
    const done = await successor.runOnce();
    expect(done?.status).toBe('READY');
    const job = await getJob(t, token, jobId);
    expect(job).toMatchObject({ status: 'READY', attempts: 2 });
    expect(job.resource?.title).toBe('断电课程');
    const claims = await t.container.repos.ingestJobs.claims(internal(jobId));
    expect(claims.map((c) => [c.attempt, c.workerId])).toEqual([
      [1, 'dies'],
      [2, 'successor'],
    ]);
  });

  it('a worker stopped cleanly mid-job hands it back; a restarted worker finishes it', async () => {
    const jobId = await queue('重启课程');
    // A pipeline that blocks until aborted stands in for a long ingestion interrupted by a stop.
    const worker = t.container.services.ingest.createWorker({
      workerId: 'stopping',
      concurrency: 1,
    });
    const w = worker as unknown as {
      o: { run: (job: unknown, signal: AbortSignal) => Promise<unknown> };
    };
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    w.o.run = (_job, signal) =>
      new Promise((_, reject) => {
        started();
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    worker.start();
    await running;
    await worker.stop();
    const handedBack = await getJob(t, token, jobId);
    expect(handedBack.status).toBe('PENDING');

    const restarted = t.container.services.ingest.createWorker({ workerId: 'restarted' });
    expect((await restarted.runOnce())?.status).toBe('READY');
    expect(await getJob(t, token, jobId)).toMatchObject({ status: 'READY', attempts: 2 });
  });

  it('retries transient failures with back-off and fails for good after the last attempt', async () => {
    const jobId = await queue('重试课程');
    let clock = Date.now();
    const worker = t.container.services.ingest.createWorker({
      workerId: 'flaky',
      now: () => new Date(clock),
    });
    const w = worker as unknown as { o: { run: () => Promise<unknown>; maxAttempts: number } };
    w.o.run = () => Promise.reject(new Error('S3 connection reset'));
    w.o.maxAttempts = 2;

    await worker.runOnce();
    let job = await getJob(t, token, jobId);
    expect(job).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(job.failures[0]).toMatchObject({ code: 'INGEST_TRANSIENT_ERROR', transient: true });
    expect(await worker.runOnce()).toBeNull(); // backing off
    clock += t.config.uploads.retryBaseSeconds * 1000 + 1;
    await worker.runOnce();
    job = await getJob(t, token, jobId);
    expect(job).toMatchObject({ status: 'FAILED', attempts: 2 });
    expect(job.failures.at(-1)).toMatchObject({
      code: 'INGEST_ATTEMPTS_EXHAUSTED',
      transient: false,
    });
  });
});
