import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository root, whether running from bench/ (ts) or dist/bench/ (compiled). */
export const REPO_ROOT = ((): string => {
  for (const up of ['..', path.join('..', '..'), path.join('..', '..', '..')]) {
    const dir = path.resolve(__dirname, up);
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
      };
      if (pkg.name === 'shanxi-learning-port') return dir;
    } catch {
      // not here; try one level up
    }
  }
  return process.cwd();
})();

function packageVersion(name: string): string {
  try {
    // Straight from node_modules: some packages' `exports` hide package.json from require.resolve.
    const file = path.join(REPO_ROOT, 'node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** FerretDB's version as pinned by the project's Go module (tools/ferretdb/go.mod). */
function ferretdbVersion(): string {
  try {
    const mod = readFileSync(path.join(REPO_ROOT, 'tools', 'ferretdb', 'go.mod'), 'utf8');
    return /github\.com\/FerretDB\/FerretDB\s+(v\S+)/.exec(mod)?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Read-only: the commit checked out (uncommitted changes are not reflected). */
function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export interface SystemInfo {
  cpuModel: string;
  cores: number;
  totalMemoryMiB: number;
  platform: string;
  node: string;
  versions: Record<string, string>;
  gitCommit: string;
}

export function systemInfo(): SystemInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    totalMemoryMiB: Math.round(os.totalmem() / 1048576),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    versions: {
      ferretdb: ferretdbVersion(),
      s3rver: packageVersion('s3rver'),
      searchEngine: `minisearch ${packageVersion('minisearch')} (embedded)`,
      mongodbDriver: packageVersion('mongodb'),
      mongoose: packageVersion('mongoose'),
      graphql: packageVersion('graphql'),
      apolloServer: packageVersion('@apollo/server'),
      typeGraphql: packageVersion('type-graphql'),
      express: packageVersion('express'),
      autocannon: packageVersion('autocannon'),
    },
    gitCommit: gitCommit(),
  };
}
