import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeTree, makeUserWithToken } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { UPLOAD_TEST_ENV, getJob, scorm12Entries, zipBytes } from './upload-helpers';

const CLI = path.resolve(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');
const built = existsSync(CLI);
if (!built) console.warn(`CLI upload tests skipped: ${CLI} is missing (npm test builds it first)`);

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env, timeout: 120_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

(built ? describe : describe.skip)('npm run hub -- upload <file>', () => {
  let t: TestHub;
  let token: string;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-upload-'));
  const cache = path.join(dir, 'cache');
  const env = () => ({
    ...process.env,
    LEARNING_PORT_TOKEN: token,
    LEARNING_PORT_CACHE_DIR: cache,
  });

  beforeAll(async () => {
    t = await startTestHub({ env: UPLOAD_TEST_ENV });
    tree = await makeTree(t.container);
    token = (await makeUserWithToken(t.container, tree.countyA1, ['AUTHOR'])).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('uploads a package, waits for ingestion and prints the resource id', async () => {
    const file = path.join(dir, '晋商文化.zip');
    writeFileSync(file, await zipBytes(scorm12Entries('晋商文化导论')));
    const res = await run(
      [
        'upload',
        file,
        '--url',
        t.url,
        '--unit',
        tree.countyA1.code,
        '--title',
        '晋商文化（县级版）',
      ],
      env(),
    );
    expect(res.stderr).not.toMatch(/Error/);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/status: READY/);
    expect(res.stdout).toMatch(/format: SCORM12/);
    const resourceId = /resourceId: (\S+)/.exec(res.stdout)![1];
    const r = await t.gql<{ resource: { title: string; package: { format: string } } }>(
      `query($id: ID!) { resource(id: $id) { title package { format } } }`,
      { id: resourceId },
      { token },
    );
    expect(r.body.data!.resource).toEqual({
      title: '晋商文化（县级版）',
      package: { format: 'SCORM12' },
    });
    expect(readdirSync(cache)).toEqual([]); // state cleared once done
  });

  it('resumes an interrupted multipart upload from its state file', async () => {
    const file = path.join(dir, 'big.zip');
    writeFileSync(
      file,
      await zipBytes(
        scorm12Entries('续传课件', [
          { name: 'video.bin', data: randomBytes(12 * 1024 * 1024), compress: false },
        ]),
      ),
    );
    const first = await run(
      ['upload', file, '--url', t.url, '--max-parts', '1', '--concurrency', '1'],
      env(),
    );
    expect(first.code).toBe(3);
    const uploadId = /upload: (\S+)/.exec(first.stdout)![1];
    expect(readdirSync(cache)).toHaveLength(1);
    const partial = await t.gql<{ upload: { parts: unknown[]; missingParts: number[] } }>(
      `query($id: ID!) { upload(id: $id) { parts { number } missingParts } }`,
      { id: uploadId },
      { token },
    );
    expect(partial.body.data!.upload.parts).toHaveLength(1);
    expect(partial.body.data!.upload.missingParts).toHaveLength(2);

    const second = await run(['upload', file, '--url', t.url], env());
    expect(second.stderr).toMatch(/resuming upload/);
    expect(second.code).toBe(0);
    expect(/upload: (\S+)/.exec(second.stdout)![1]).toBe(uploadId);
    const jobId = /job: (\S+)/.exec(second.stdout)![1];
    expect((await getJob(t, token, jobId)).status).toBe('READY');
  });

  it('fails clearly without a token', async () => {
    const res = await run(['upload', path.join(dir, 'big.zip'), '--url', t.url], {
      ...process.env,
      LEARNING_PORT_TOKEN: '',
      LEARNING_PORT_CACHE_DIR: cache,
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/token/);
  });
});
