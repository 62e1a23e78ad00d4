import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Finds the project's own Go module that wraps FerretDB (tools/ferretdb). */
function moduleDir(): string {
  // Compiled code runs from dist/src/embedded, ts-jest from src/embedded.
  for (const up of [
    ['..', '..', '..'],
    ['..', '..'],
  ]) {
    const candidate = path.resolve(__dirname, ...up, 'tools', 'ferretdb');
    if (existsSync(path.join(candidate, 'go.mod'))) return candidate;
  }
  throw new Error(`tools/ferretdb/go.mod not found near ${__dirname}`);
}

function cacheRoot(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'shanxi-learning-port');
}

/**
 * Returns the path of the FerretDB binary, building it with Go the first time.
 * The binary is cached per machine under ~/.cache, keyed by a hash of the Go
 * module's sources, so a change to go.mod or main.go builds a new one and an
 * unchanged one builds once.
 */
export function ensureFerretdbBinary(log: (msg: string) => void = () => {}): string {
  const dir = moduleDir();
  const hash = createHash('sha256');
  for (const file of ['go.mod', 'go.sum', 'main.go'])
    hash.update(readFileSync(path.join(dir, file)));
  const digest = hash.digest('hex').slice(0, 16);
  const target = path.join(cacheRoot(), `ferretdb-${digest}`);
  if (existsSync(target)) return target;

  mkdirSync(cacheRoot(), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  log(`building FerretDB with Go into ${target} (once per machine)…`);
  try {
    execFileSync('go', ['build', '-trimpath', '-o', tmp, '.'], {
      cwd: dir,
      env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=readonly' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } catch (err) {
    throw new Error(
      `building FerretDB failed (is Go ≥ 1.24 on PATH and the Go module proxy reachable?): ${(err as Error).message}`,
    );
  }
  // rename is atomic, so a concurrent builder never sees a half-written binary.
  renameSync(tmp, target);
  return target;
}
