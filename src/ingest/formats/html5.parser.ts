import iconv from 'iconv-lite';
import type { FormatResult } from './format-result';
import { encodePath } from './content-package';
import type { PackageContext } from './package-context';

const INDEX_NAMES = ['index.html', 'index.htm'];

/**
 * Finds the launch page of a plain HTML5 package under `rootPath`:
 * `index.html` / `index.htm` (case-insensitive), else — with a
 * `FALLBACK_LAUNCH_FILE` warning — the only `.html`/`.htm` file there.
 */
export function findHtmlLaunch(
  files: readonly string[],
  rootPath: string,
  ctx: PackageContext,
): string | undefined {
  const atRoot = files.filter(
    (f) => f.startsWith(rootPath) && !f.slice(rootPath.length).includes('/'),
  );
  const index = INDEX_NAMES.map((n) =>
    atRoot.find((f) => f.slice(rootPath.length).toLowerCase() === n),
  ).find(Boolean);
  if (index) return index;
  const pages = atRoot.filter((f) => /\.html?$/i.test(f));
  if (pages.length === 1) {
    ctx.warn({
      code: 'FALLBACK_LAUNCH_FILE',
      message: `No index.html; using the only HTML page "${pages[0]}" as the launch page`,
      path: pages[0],
    });
    return pages[0];
  }
  return undefined;
}

/** Plain HTML5 package: one launch page, title from its `<title>`. */
export async function parseHtml5(
  launchPath: string,
  ctx: PackageContext,
  fallbackTitle: string,
): Promise<FormatResult> {
  const title = (await readHtmlTitle(launchPath, ctx)) ?? fallbackTitle;
  const launch = { href: launchPath, url: encodePath(launchPath), remote: false };
  return {
    format: 'html5',
    title,
    keywords: [],
    outlines: [
      {
        identifier: 'html5',
        title,
        isDefault: true,
        children: [
          { identifier: launchPath, title, isVisible: true, kind: 'page', launch, children: [] },
        ],
      },
    ],
    defaultOutlineId: 'html5',
    entryPoints: [{ id: launchPath, title, type: 'html', outlineId: 'html5', launch }],
  };
}

async function readHtmlTitle(launchPath: string, ctx: PackageContext): Promise<string | undefined> {
  let buf: Buffer;
  try {
    buf = await ctx.readFile(launchPath);
  } catch {
    return undefined; // a huge index.html is fine; we just do not read its title
  }
  const head = buf.subarray(0, 64 * 1024);
  const latin = head.toString('latin1');
  const charset = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(latin)?.[1]?.toLowerCase();
  const text =
    charset && /gb|936/.test(charset) ? iconv.decode(head, 'gb18030') : head.toString('utf8');
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text);
  const t = m?.[1]
    .replace(/\s+/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .trim();
  return t ? t : undefined;
}
