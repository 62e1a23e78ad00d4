import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A temporary directory for generated test archives. Test support only. */
export function makeTempDir(prefix = 'ingest-test-'): {
  dir: string;
  write(name: string, data: Buffer | string): string;
  cleanup(): void;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    write(name, data) {
      const p = path.join(dir, name);
      writeFileSync(p, data);
      return p;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
