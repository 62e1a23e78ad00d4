import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { ensureFerretdbBinary } from './ferretdb-binary';
import { freePort, waitForPort } from './free-port';

export interface EmbeddedFerretdb {
  uri: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts FerretDB (SQLite backend) on a free loopback port with its data in
 * `dataDir`. The child watches its stdin, which this process holds open: if
 * this process dies without cleaning up, FerretDB exits too.
 */
export async function startFerretdb(opts: {
  dataDir: string;
  port?: number;
  log?: (msg: string) => void;
}): Promise<EmbeddedFerretdb> {
  const binary = ensureFerretdbBinary(opts.log);
  mkdirSync(opts.dataDir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const child = spawn(
    binary,
    [
      '-listen-addr',
      `127.0.0.1:${port}`,
      '-sqlite-dir',
      opts.dataDir,
      '-log-level',
      'error',
      '-watch-stdin',
    ],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  try {
    await Promise.race([
      waitForPort('127.0.0.1', port, 30_000),
      exited.then(() => {
        throw new Error(`FerretDB exited during start: ${stderr.trim()}`);
      }),
    ]);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };

  return { uri: `mongodb://127.0.0.1:${port}/`, port, process: child, stop };
}
