import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { seedDemo } from '../../src/demo/seed-demo';
import { startTestHub, type TestHub } from '../helpers/test-hub';

const run = promisify(execFile);
const CLIENT = path.resolve(__dirname, '..', '..', 'docs', 'examples', 'portal-client.mjs');

describe('docs/examples/portal-client.mjs against a real hub', () => {
  let t: TestHub;
  let key: string;
  beforeAll(async () => {
    t = await startTestHub({ beforeListen: (c) => seedDemo(c) });
    const taiyuan = await t.container.services.orgUnits.getByCode('140100');
    key = (
      await t.container.services.credentials.issueApiKey('system', {
        unitId: taiyuan._id,
        name: '太原市民学习网',
        scope: 'PUBLIC',
      })
    ).secret;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('runs every example: unit lookup, elderly-education list, series, cursor pages', async () => {
    const { stdout } = await run(process.execPath, [CLIENT], {
      env: { ...process.env, PORTAL_URL: `${t.url}/graphql`, PORTAL_API_KEY: key },
      timeout: 30_000,
    });
    expect(stdout).toContain('单位 / unit: ');
    expect(stdout).toContain('(140100)');
    expect(stdout).toMatch(/老年教育资源 \/ elderly-education resources: \d+/);
    expect(stdout).toMatch(/晋商文化系列 \/ Jin merchant series: \d+/);
    // 太原 has six districts in the demo data: two pages of five, joined by the cursor.
    expect(stdout).toContain('第 1 页 / page 1 (5 of 6)');
    expect(stdout).toContain('第 2 页 / page 2 (1 of 6)');
    expect(stdout).toMatch(/剩余配额 \/ quota left: \d+\/20000/);
  });

  it('reports a bad key with its code and a non-zero exit', async () => {
    await expect(
      run(process.execPath, [CLIENT], {
        env: { ...process.env, PORTAL_URL: `${t.url}/graphql`, PORTAL_API_KEY: 'sxlp_key_revoked' },
        timeout: 30_000,
      }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('UNAUTHENTICATED') });
  });
});
