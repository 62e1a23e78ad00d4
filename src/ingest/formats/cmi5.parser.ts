import { IngestError } from '../errors';
import type { EntryPoint, LaunchTarget, OutlineNode } from '../types';
import { attr, child, type XmlElement, textOf } from '../xml/xml-element';
import { encodePath } from './content-package';
import type { FormatResult } from './format-result';
import { dirOf, resolveHref } from './href';
import { langStrings, preferredString } from './lom';
import type { PackageContext } from './package-context';

/**
 * cmi5 course structure (`cmi5.xml`). The cmi5 specification says an LMS
 * MUST reject a course structure with these problems, so they are failures
 * here (unlike SCORM, where we are lenient with what real packages do):
 * - course/block/AU id not an absolute IRI → PACKAGE_INVALID_IDENTIFIER (3.0.0.0-1)
 * - duplicate block/AU ids → PACKAGE_DUPLICATE_IDENTIFIER
 * - AU url not a valid URL, or relative in a bare course structure imported
 *   without a zip → PACKAGE_INVALID_LAUNCH_URL (14.2.0.0-1)
 * - relative AU url whose file is absent from the zip → PACKAGE_LAUNCH_FILE_MISSING (14.1.0.0-4)
 * - no AU at all → PACKAGE_NO_LAUNCHABLE
 * A missing title is a warning (falls back to the id).
 *
 * @param ctx the package, or null for a bare cmi5.xml uploaded on its own.
 */
export function parseCmi5(
  root: XmlElement,
  manifestPath: string,
  ctx: PackageContext | null,
  warn: PackageContext['warn'],
): FormatResult {
  if (root.local !== 'courseStructure') {
    throw invalid(manifestPath, `root element is <${root.qname}>, expected <courseStructure>`);
  }
  const course = child(root, 'course');
  if (!course) throw invalid(manifestPath, 'missing <course> element');
  const courseId = attr(course, 'id') ?? '';
  assertIri(courseId, 'course');
  const titles = langStrings(child(course, 'title'));
  const title = preferredString(titles) ?? courseId;
  if (titles.length === 0) warn({ code: 'TITLE_MISSING', message: 'The cmi5 course has no title' });
  const description = preferredString(langStrings(child(course, 'description')));
  const language = titles.find((t) => t.value === title)?.lang;

  const seen = new Set<string>();
  const entryPoints: EntryPoint[] = [];
  const baseDir = dirOf(manifestPath);

  const walk = (parent: XmlElement): OutlineNode[] => {
    const nodes: OutlineNode[] = [];
    for (const el of parent.children) {
      if (el.local !== 'block' && el.local !== 'au') continue;
      const id = attr(el, 'id') ?? '';
      assertIri(id, el.local === 'au' ? 'AU' : 'block');
      if (seen.has(id)) {
        throw new IngestError(
          'PACKAGE_DUPLICATE_IDENTIFIER',
          `cmi5 课程结构中存在重复的标识符：${id}`,
          `Duplicate ${el.local} identifier in cmi5 course structure: ${id}`,
          { identifier: id },
        );
      }
      seen.add(id);
      const nodeTitle = preferredString(langStrings(child(el, 'title'))) ?? id;
      if (el.local === 'block') {
        nodes.push({
          identifier: id,
          title: nodeTitle,
          isVisible: true,
          kind: 'block',
          children: walk(el),
        });
        continue;
      }
      const launch = auLaunch(el, id, baseDir, ctx);
      nodes.push({
        identifier: id,
        title: nodeTitle,
        isVisible: true,
        kind: 'au',
        launch,
        children: [],
      });
      const masteryScore = attr(el, 'masteryScore');
      const launchParameters = textOf(child(el, 'launchParameters'));
      const activityType = attr(el, 'activityType');
      entryPoints.push({
        id,
        title: nodeTitle,
        type: 'au',
        outlineId: courseId,
        launch,
        moveOn: attr(el, 'moveOn') ?? 'NotApplicable',
        launchMethod: attr(el, 'launchMethod') ?? 'AnyWindow',
        ...(masteryScore !== undefined && Number.isFinite(Number(masteryScore))
          ? { masteryScore: Number(masteryScore) }
          : {}),
        ...(launchParameters ? { launchParameters } : {}),
        ...(activityType ? { activityType } : {}),
      });
    }
    return nodes;
  };
  const children = walk(root);
  if (entryPoints.length === 0) {
    throw new IngestError(
      'PACKAGE_NO_LAUNCHABLE',
      'cmi5 课程中没有任何可启动单元（AU）',
      'The cmi5 course structure contains no AU',
    );
  }
  return {
    format: 'cmi5',
    formatVersion: '1.0',
    formatVersionSource: 'default',
    manifestPath,
    identifier: courseId,
    title,
    ...(description ? { description } : {}),
    ...(language ? { language } : {}),
    keywords: [],
    outlines: [{ identifier: courseId, title, isDefault: true, children }],
    defaultOutlineId: courseId,
    entryPoints,
  };
}

function auLaunch(
  el: XmlElement,
  id: string,
  baseDir: string,
  ctx: PackageContext | null,
): LaunchTarget {
  const raw = textOf(child(el, 'url'));
  const bad = (why: string): never => {
    throw new IngestError(
      'PACKAGE_INVALID_LAUNCH_URL',
      `cmi5 单元的启动地址无效：${raw ?? '(空)'}`,
      `Invalid launch URL for AU ${id}: ${raw ?? '(missing)'} (${why})`,
      { identifier: id, url: raw },
    );
  };
  if (!raw) return bad('missing <url>');
  if (/\s/.test(raw)) return bad('contains whitespace');
  const r = resolveHref(baseDir, raw);
  if (r.kind === 'remote') {
    try {
      new URL(r.url + r.query);
    } catch {
      return bad('not a valid URL');
    }
    return {
      href: r.url,
      ...(r.query ? { parameters: r.query } : {}),
      url: r.url + r.query,
      remote: true,
    };
  }
  if (ctx === null) return bad('relative URL in a course structure imported without a package');
  if (r.kind === 'outside') return bad('points outside the package');
  if (!ctx.hasFile(r.path)) {
    throw new IngestError(
      'PACKAGE_LAUNCH_FILE_MISSING',
      `cmi5 单元的启动文件不在课件包中：${r.path}`,
      `Launch file "${r.path}" of AU ${id} is not in the package`,
      { identifier: id, path: r.path },
    );
  }
  return {
    href: r.path,
    ...(r.query ? { parameters: r.query } : {}),
    url: encodePath(r.path) + r.query,
    remote: false,
  };
}

function assertIri(id: string, what: string): void {
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$/.test(id)) {
    throw new IngestError(
      'PACKAGE_INVALID_IDENTIFIER',
      `cmi5 ${what} 的标识符不是绝对 IRI：${id || '(空)'}`,
      `cmi5 ${what} id is not an absolute IRI: ${id || '(empty)'}`,
      { identifier: id },
    );
  }
}

function invalid(file: string, detail: string): IngestError {
  return new IngestError(
    'PACKAGE_MANIFEST_INVALID',
    `“${file}”不是有效的 cmi5 课程结构：${detail}`,
    `"${file}" is not a valid cmi5 course structure: ${detail}`,
    { file, detail },
  );
}
