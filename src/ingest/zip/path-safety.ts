import { IngestError } from '../errors';

/**
 * Validates a decoded zip entry name and returns it unchanged when safe.
 * Refuses (PACKAGE_PATH_TRAVERSAL) anything that could escape the extraction
 * root or be interpreted differently on another OS: `..` segments, absolute
 * paths, drive letters (`C:`), backslashes, NUL and other control characters,
 * and empty names.
 */
export function assertSafeEntryPath(name: string): string {
  const refuse = (why: string): never => {
    throw new IngestError(
      'PACKAGE_PATH_TRAVERSAL',
      `压缩包中的文件路径不安全：“${printable(name)}”（${why}）`,
      `Unsafe path in package: "${printable(name)}" (${why})`,
      { entry: printable(name), reason: why },
    );
  };
  if (name.length === 0) refuse('empty name');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) refuse('control character or NUL');
  if (name.includes('\\')) refuse('backslash');
  if (name.startsWith('/')) refuse('absolute path');
  if (/^[a-zA-Z]:/.test(name)) refuse('drive letter');
  const segments = name.split('/');
  for (const seg of segments) {
    if (seg === '..') refuse('parent directory segment');
    if (/^[a-zA-Z]:$/.test(seg)) refuse('drive letter');
  }
  return name;
}

/** Key under which two names collide on a case-insensitive / normalising file system. */
export function collisionKey(name: string): string {
  return name.replace(/\/+$/, '').normalize('NFC').toLowerCase();
}

/** Escapes control characters so a hostile name can be shown in a message. */
export function printable(name: string): string {
  return name.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/**
 * Resolves `relative` (a manifest href, already percent-decoded) against
 * the directory `base` ('' or ending in '/'), normalising `.` and `..`.
 * Returns null when the result would leave the package root.
 */
export function resolveInPackage(base: string, relative: string): string | null {
  const joined = relative.startsWith('/') ? relative.slice(1) : base + relative;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}
