import type { InspectionWarning } from '../types';

/** What a format parser may know about the archive it is parsing. */
export interface PackageContext {
  /** Paths of all file entries (directories excluded). */
  readonly files: readonly string[];
  /** Whether a file exists (exact name, or equal after Unicode NFC). */
  hasFile(path: string): boolean;
  /** Reads a small file (manifest size limit applies). */
  readFile(path: string): Promise<Buffer>;
  /** Records a non-fatal problem. */
  warn(warning: InspectionWarning): void;
}

/** Builds a context over a list of paths and a reader. */
export function createPackageContext(
  files: readonly string[],
  readFile: (path: string) => Promise<Buffer>,
  warnings: InspectionWarning[],
): PackageContext {
  const nfc = new Set(files.map((f) => f.normalize('NFC')));
  return {
    files,
    hasFile: (p) => nfc.has(p.normalize('NFC')),
    readFile,
    warn: (w) => {
      if (
        !warnings.some(
          (x) =>
            x.code === w.code &&
            x.path === w.path &&
            x.identifier === w.identifier &&
            x.message === w.message,
        )
      ) {
        warnings.push(w);
      }
    },
  };
}
