import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const REPO = path.resolve(__dirname, '..', '..');
const MAIN = path.join(REPO, 'dist', 'src', 'main.js');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return cond();
}

/** Starts `node dist/src/main.js --demo` with its own embedded services; resolves with its URL. */
function startHubProcess(): Promise<{
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-lifecycle-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    NODE_ENV: 'test',
  };
  for (const name of [
    'MONGODB_URI',
    'S3_ENDPOINT',
    'S3_REGION',
    'S3_ACCESS_KEY_ID',
    'S3_SECRET_ACCESS_KEY',
    'MEILI_HOST',
    'MEILI_API_KEY',
  ])
    delete env[name];
  const child = spawn(process.execPath, [MAIN, '--demo'], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`hub did not become ready; stderr: ${stderr}`)),
      90_000,
    );
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { url?: string; msg?: string };
        if (entry.url && entry.msg?.includes('ready')) {
          clearTimeout(timer);
          resolve({ child, url: entry.url, exited });
        }
      } catch {
        /* not a log line */
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code} during start; stderr: ${stderr}`));
    });
  });
}

const describeBuilt = existsSync(MAIN) ? describe : describe.skip;
if (!existsSync(MAIN))
  console.warn(`lifecycle tests skipped: ${MAIN} is missing (npm test builds it first)`);

describeBuilt('the start command as a real process', () => {
  it('starts with demo data on embedded services and stops cleanly on SIGTERM, leaving no FerretDB behind', async () => {
    const { child, url, exited } = await startHubProcess();
    const ferretPids = childPids(child.pid!);
    expect(ferretPids.length).toBeGreaterThanOrEqual(1);

    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ orgUnit(code: "140000") { name children(first: 20) { totalCount } } }',
      }),
    });
    const body = (await res.json()) as {
      data: { orgUnit: { name: string; children: { totalCount: number } } };
    };
    expect(body.data.orgUnit).toEqual({
      name: '山西省社区教育指导中心',
      children: { totalCount: 11 },
    });

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await waitFor(() => ferretPids.every((pid) => !isAlive(pid)), 10_000)).toBe(true);
  });

  it('leaves no FerretDB behind even when the hub is killed without cleanup (SIGKILL)', async () => {
    const { child, exited } = await startHubProcess();
    const ferretPids = childPids(child.pid!);
    expect(ferretPids.length).toBeGreaterThanOrEqual(1);
    child.kill('SIGKILL');
    await exited;
    expect(await waitFor(() => ferretPids.every((pid) => !isAlive(pid)), 10_000)).toBe(true);
  });

  it('refuses to start on bad configuration, naming the variable and what it expects', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: 'forty',
      S3_ENDPOINT: 'http://127.0.0.1:9',
    };
    const child = spawn(process.execPath, [MAIN], {
      cwd: REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(78);
    expect(stderr).toContain('PORT: expected an integer port between 0 and 65535');
    expect(stderr).toContain('S3_REGION: required when S3_ENDPOINT is set');
  });
});
