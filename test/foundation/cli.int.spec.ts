import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeTree, makeUser } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');
const describeBuilt = existsSync(CLI) ? describe : describe.skip;
if (!existsSync(CLI))
  console.warn(`CLI tests skipped: ${CLI} is missing (npm test builds it first)`);

describeBuilt('npm run hub -- token …', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(async () => {
    await t?.stop();
  });

  const env = () => ({
    ...process.env,
    MONGODB_URI: t.config.mongodbUri ?? '',
    MONGODB_DATABASE: t.config.mongodbDatabase,
    LOG_LEVEL: 'silent',
  });

  it('creates a token that authenticates, prints it once, and revokes it by prefix', async () => {
    const tree = await makeTree(t.container);
    const user = await makeUser(t.container, tree.countyA1, ['AUTHOR']);
    const created = await run(
      process.execPath,
      [CLI, 'token', 'create', '--user', user.username, '--name', '笔记本'],
      { env: env() },
    );
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^sxlp_pat_[A-Za-z0-9_-]{32}$/);
    const who = await t.gql<{ viewer: { user: { username: string } } }>(
      '{ viewer { user { username } } }',
      {},
      { token: secret },
    );
    expect(who.body.data!.viewer.user.username).toBe(user.username);

    await run(process.execPath, [CLI, 'token', 'revoke', secret.slice(0, 13)], { env: env() });
    expect((await t.gql('{ viewer { kind } }', {}, { token: secret })).status).toBe(401);
  });

  it('fails with a clear message for an unknown user and exits non-zero', async () => {
    await expect(
      run(process.execPath, [CLI, 'token', 'create', '--user', 'nobody'], { env: env() }),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no user named nobody'),
    });
  });
});
