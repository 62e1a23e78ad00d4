import { resolveInPackage } from '../zip/path-safety';

/** True for `http://…`, `https://…`, `mailto:` etc. (a drive letter like `C:` is not a scheme here). */
export function isAbsoluteUrl(s: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(s) || s.startsWith('//');
}

/** Directory part of a package path ('' or ending in '/'). */
export function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i + 1);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Result of resolving a manifest href. */
export type ResolvedHref =
  | { kind: 'local'; path: string; query: string }
  | { kind: 'remote'; url: string; query: string }
  | { kind: 'outside'; raw: string };

/**
 * Resolves an href from a manifest against a base, which is a package
 * directory ('' or ending in '/') or an absolute URL (from `xml:base`).
 * The query string / fragment is split off; the path is percent-decoded
 * (manifests write `%E8%8B%B1.xml` for the entry `英.xml`).
 */
export function resolveHref(base: string, href: string): ResolvedHref {
  const trimmed = href.trim();
  const cut = trimmed.search(/[?#]/);
  const rawPath = cut < 0 ? trimmed : trimmed.slice(0, cut);
  const query = cut < 0 ? '' : trimmed.slice(cut);
  if (isAbsoluteUrl(rawPath)) return { kind: 'remote', url: rawPath, query };
  if (isAbsoluteUrl(base)) {
    try {
      return { kind: 'remote', url: new URL(rawPath, base).toString(), query };
    } catch {
      return { kind: 'outside', raw: href };
    }
  }
  const decoded = safeDecode(rawPath.replace(/\\/g, '/'));
  const resolved = resolveInPackage(base, decoded);
  if (resolved === null) return { kind: 'outside', raw: href };
  return { kind: 'local', path: resolved, query };
}

/** Applies an `xml:base` value on top of a base directory or URL. */
export function applyXmlBase(base: string, xmlBase: string | undefined): string {
  if (!xmlBase || xmlBase.trim() === '') return base;
  const r = resolveHref(base, xmlBase.trim().endsWith('/') ? xmlBase.trim() : `${xmlBase.trim()}/`);
  if (r.kind === 'remote') return r.url.endsWith('/') ? r.url : `${r.url}/`;
  if (r.kind === 'local') return r.path === '' ? '' : `${r.path}/`;
  return base;
}

/**
 * Joins SCORM item `parameters` to a launch href (SCORM CAM "launch URL"
 * rules): a leading `?`/`&` is dropped and the rest joined with `?` or `&`
 * depending on whether the href already has a query; `#…` is appended as is.
 */
export function joinParameters(hrefWithQuery: string, parameters: string | undefined): string {
  const p = (parameters ?? '').trim();
  if (p === '') return hrefWithQuery;
  if (p.startsWith('#')) return hrefWithQuery + p;
  const body = p.replace(/^[?&]+/, '');
  if (body === '') return hrefWithQuery;
  return hrefWithQuery + (hrefWithQuery.includes('?') ? '&' : '?') + body;
}
