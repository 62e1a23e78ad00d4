/** Paths that archivers add and that are never course content. */
export function isJunkPath(p: string): boolean {
  return (
    /(^|\/)__MACOSX\//.test(p) ||
    /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$/i.test(p) ||
    /(^|\/)\._/.test(p)
  );
}

/** What kind of descriptor was found. */
export type DescriptorKind = 'cmi5' | 'imsmanifest' | 'tincan';

const DESCRIPTORS: ReadonlyArray<[DescriptorKind, string]> = [
  ['cmi5', 'cmi5.xml'],
  ['imsmanifest', 'imsmanifest.xml'],
  ['tincan', 'tincan.xml'],
];

/**
 * The folder holding the package content: '' when anything sits at the
 * archive root, else the single top-level folder (packages zipped with their
 * folder: `course/imsmanifest.xml`).
 */
export function findRootPath(files: readonly string[]): string {
  const tops = new Set(files.map((f) => (f.includes('/') ? f.slice(0, f.indexOf('/') + 1) : '')));
  if (tops.size === 1) {
    const [only] = tops;
    return only;
  }
  return '';
}

/**
 * Finds the descriptor file at `rootPath`, in priority order cmi5.xml,
 * imsmanifest.xml, tincan.xml (names compared case-insensitively).
 */
export function findDescriptor(
  files: readonly string[],
  rootPath: string,
): { kind: DescriptorKind; path: string } | undefined {
  for (const [kind, name] of DESCRIPTORS) {
    const hit = files.find(
      (f) => f.startsWith(rootPath) && f.slice(rootPath.length).toLowerCase() === name,
    );
    if (hit) return { kind, path: hit };
  }
  return undefined;
}

/** AICC course descriptor files (`.crs` course, `.cst` structure) at `rootPath`. */
export function findAiccDescriptor(files: readonly string[], rootPath: string): string | undefined {
  return files.find(
    (f) => f.startsWith(rootPath) && /^[^/]+\.(crs|cst)$/i.test(f.slice(rootPath.length)),
  );
}
