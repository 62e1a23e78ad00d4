import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Types } from 'mongoose';
import { EmbeddedSearchEngine } from '../../src/search/embedded/embedded-search.adapter';
import { catalogueOps } from '../helpers/catalogue-ops';
import { makeTree, makeUserWithToken, resourceInput } from '../helpers/factories';
import type { TestHub } from '../helpers/test-hub';
import { freshDocuments, indexDrift, startSearchHub } from './search-int.helpers';

const CLI = path.resolve(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');

function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  // The test checks the embedded index the command writes; never a Meilisearch from the environment.
  delete childEnv.MEILI_HOST;
  delete childEnv.MEILI_API_KEY;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * `npm run reindex` (here: the built CLI it runs) rebuilds the embedded index
 * from the test hub's database into its data directory's snapshot, which is
 * then loaded by a fresh engine and compared item by item with documents
 * built from MongoDB.
 */
const describeIfBuilt = existsSync(CLI) ? describe : describe.skip;
if (!existsSync(CLI)) {
  console.warn(`skipping reindex CLI tests: ${CLI} is missing (run \`npm run build\` first)`);
}

describeIfBuilt('npm run reindex', () => {
  let t: TestHub;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await startSearchHub();
    const ops = catalogueOps(t);
    const tree = await makeTree(t.container);
    const author = (await makeUserWithToken(t.container, tree.countyA1, ['AUTHOR'])).token;
    const curator = (await makeUserWithToken(t.container, tree.countyA1, ['CURATOR'])).token;
    const published = [];
    for (const title of ['晋商票号', '晋剧唱腔', '刀削面'])
      published.push(await ops.published(resourceInput({ title }), author, curator));
    await ops.create(resourceInput({ title: '草稿一则' }), author);
    await t.gql(
      'mutation($i: CreateSeriesInput!) { createSeries(input: $i) { series { id } } }',
      { i: { title: '山西文化', visibility: 'PUBLIC', episodeIds: published.map((p) => p.id) } },
      { token: curator },
    );
    env = {
      MONGODB_URI: t.config.mongodbUri!,
      MONGODB_DATABASE: t.config.mongodbDatabase,
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'reindex-cli-')),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
    };
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('rebuilds every item from MongoDB and removes entries of items that are gone', async () => {
    // An index left over with an entry whose item no longer exists.
    const previous = new EmbeddedSearchEngine({ dataDir: path.join(env.DATA_DIR, 'search') });
    const [template] = (await freshDocuments(t.container)).values();
    const orphanId = `resource-${new Types.ObjectId().toHexString()}`;
    await previous.index([{ ...template, id: orphanId }]);
    await previous.close();

    const run = await runCli(['reindex'], env);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    const items = (await freshDocuments(t.container)).size;
    expect(items).toBe(5);
    expect(run.stdout).toContain(`reindexed: ${items} documents, removed 1 orphaned entries`);

    const rebuilt = new EmbeddedSearchEngine({ dataDir: path.join(env.DATA_DIR, 'search') });
    try {
      expect(await indexDrift(t.container, rebuilt)).toEqual({ missing: [], stale: [], extra: [] });
      const hits = await rebuilt.search({ query: 'jinju' });
      expect(hits.hits.map((h) => h.document.title)).toContain('晋剧唱腔');
    } finally {
      await rebuilt.close();
    }
  });

  it('refuses to rebuild an embedded index a running hub owns', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'reindex-cli-owned-'));
    // What a hub with embedded services writes while it runs (this process stands in for it).
    writeFileSync(
      path.join(dataDir, 'embedded-ferretdb.json'),
      JSON.stringify({ mongodbUri: env.MONGODB_URI, pid: process.pid }),
    );
    const run = await runCli(['reindex'], { ...env, MONGODB_URI: '', DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('a running hub owns the embedded search index');
  });
});
