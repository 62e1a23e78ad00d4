import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AsPlainObject } from 'minisearch';
import type { SearchDocument } from '../search-document';

/** On-disk form of the embedded index: documents plus MiniSearch's serialised index. */
export interface IndexSnapshot {
  format: 1;
  /** Analyzer version the index was built with; a mismatch means rebuild from `documents`. */
  analyzer: string;
  documents: SearchDocument[];
  /** MiniSearch's plain-object form; loading it skips re-tokenising every document. */
  index: AsPlainObject;
}

export function snapshotPath(dataDir: string, indexName: string): string {
  return path.join(dataDir, `${indexName}.search-index.json`);
}

export async function readSnapshot(file: string): Promise<IndexSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const parsed = JSON.parse(text) as IndexSnapshot;
    return parsed.format === 1 && Array.isArray(parsed.documents) ? parsed : undefined;
  } catch {
    // A torn or foreign file is not fatal: the caller rebuilds and overwrites it.
    return undefined;
  }
}

/** Writes via a temporary file and rename, so a crash never leaves a half-written snapshot. */
export async function writeSnapshot(file: string, snapshot: IndexSnapshot): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(snapshot), 'utf8');
  await rename(tmp, file);
}
