import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What the CLI remembers to resume an interrupted upload of one file. */
export interface UploadState {
  hubUrl: string;
  uploadId: string;
  createdAt: string;
}

export function stateDir(): string {
  return (
    process.env.LEARNING_PORT_CACHE_DIR ??
    path.join(
      process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'),
      'shanxi-learning-port',
      'uploads',
    )
  );
}

/** Keyed by path, size and mtime: a changed file starts a new upload, an unchanged one resumes. */
export function stateFile(filePath: string, size: number, mtimeMs: number): string {
  const key = createHash('sha256')
    .update(`${path.resolve(filePath)}\n${size}\n${Math.floor(mtimeMs)}`)
    .digest('hex')
    .slice(0, 32);
  return path.join(stateDir(), `${key}.json`);
}

export function readState(file: string): UploadState | undefined {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as UploadState;
    return typeof s.uploadId === 'string' && typeof s.hubUrl === 'string' ? s : undefined;
  } catch {
    return undefined;
  }
}

export function writeState(file: string, state: UploadState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(state, null, 2), { mode: 0o600 });
}

export function clearState(file: string): void {
  rmSync(file, { force: true });
}
