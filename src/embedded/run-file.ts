import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * While a hub runs with embedded FerretDB, it records the database's address
 * in the data directory, so the CLI (`npm run hub -- token create …`) can
 * talk to the same database instead of opening the SQLite files a second time.
 */
interface RunFile {
  mongodbUri: string;
  pid: number;
}

const fileOf = (dataDir: string) => path.join(dataDir, 'embedded-ferretdb.json');

export function writeRunFile(dataDir: string, mongodbUri: string): () => void {
  const file = fileOf(dataDir);
  writeFileSync(file, JSON.stringify({ mongodbUri, pid: process.pid } satisfies RunFile));
  return () => rmSync(file, { force: true });
}

/** The running hub's embedded database, if a live hub recorded one. */
export function readRunFile(dataDir: string): string | undefined {
  const file = fileOf(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const run = JSON.parse(readFileSync(file, 'utf8')) as RunFile;
    process.kill(run.pid, 0); // throws when the process is gone
    return run.mongodbUri;
  } catch {
    return undefined;
  }
}
