import { IngestError } from '../errors';
import type { EntryPoint, LaunchTarget, OutlineNode } from '../types';
import { attr, child, childrenNamed, type XmlElement, textOf } from '../xml/xml-element';
import { encodePath } from './content-package';
import type { FormatResult } from './format-result';
import { dirOf, resolveHref } from './href';
import type { PackageContext } from './package-context';

const COURSE_TYPE = 'http://adlnet.gov/expapi/activities/course';

/** Text of the element whose `lang` is Chinese, else English, else the first. */
function localized(els: XmlElement[]): { value?: string; lang?: string } {
  const pick =
    els.find((e) => (attr(e, 'lang') ?? '').toLowerCase().startsWith('zh')) ??
    els.find((e) => (attr(e, 'lang') ?? '').toLowerCase().startsWith('en')) ??
    els[0];
  return { value: textOf(pick), lang: attr(pick, 'lang') };
}

/**
 * xAPI / Tin Can package (`tincan.xml`). Activities with a `<launch>` are
 * entry points; the course title is the name of the course-type activity (or
 * the first launchable one). Failures: wrong root element
 * (PACKAGE_MANIFEST_INVALID), nothing launchable (PACKAGE_NO_LAUNCHABLE).
 * A launch file absent from the package is a warning (Tin Can has no
 * conformance rule forcing rejection, and content may be fetched remotely).
 */
export function parseTinCan(
  root: XmlElement,
  manifestPath: string,
  ctx: PackageContext,
): FormatResult {
  if (root.local !== 'tincan') {
    throw new IngestError(
      'PACKAGE_MANIFEST_INVALID',
      `“${manifestPath}”不是有效的 tincan.xml`,
      `"${manifestPath}" is not a tincan.xml (root <${root.qname}>)`,
    );
  }
  const activities = childrenNamed(child(root, 'activities'), 'activity');
  const baseDir = dirOf(manifestPath);
  const entryPoints: EntryPoint[] = [];
  const nodes: OutlineNode[] = [];
  for (const a of activities) {
    const id = attr(a, 'id') ?? '';
    const name = localized(childrenNamed(a, 'name'));
    const launchRaw = textOf(child(a, 'launch'));
    const activityType = attr(a, 'type');
    if (!launchRaw) continue;
    const r = resolveHref(baseDir, launchRaw);
    let launch: LaunchTarget;
    if (r.kind === 'remote') launch = { href: r.url, url: r.url + r.query, remote: true };
    else if (r.kind === 'outside') {
      ctx.warn({
        code: 'HREF_OUTSIDE_PACKAGE',
        message: `Activity "${id}" launch "${launchRaw}" points outside the package`,
        identifier: id,
      });
      continue;
    } else {
      launch = {
        href: r.path,
        ...(r.query ? { parameters: r.query } : {}),
        url: encodePath(r.path) + r.query,
        remote: false,
      };
      if (!ctx.hasFile(r.path)) {
        ctx.warn({
          code: 'LAUNCH_FILE_MISSING',
          message: `Launch file "${r.path}" of activity "${id}" is not in the package`,
          path: r.path,
          identifier: id,
        });
      }
    }
    const title = name.value ?? id;
    entryPoints.push({
      id,
      title,
      type: 'activity',
      launch,
      ...(activityType ? { activityType } : {}),
    });
    nodes.push({ identifier: id, title, isVisible: true, kind: 'activity', launch, children: [] });
  }
  if (entryPoints.length === 0) {
    throw new IngestError(
      'PACKAGE_NO_LAUNCHABLE',
      'tincan.xml 中没有可启动的活动（缺少 launch）',
      'tincan.xml declares no activity with a <launch>',
    );
  }
  const course =
    activities.find((a) => attr(a, 'type') === COURSE_TYPE && child(a, 'launch')) ??
    activities.find((a) => child(a, 'launch'))!;
  const courseId = attr(course, 'id') ?? entryPoints[0].id;
  const name = localized(childrenNamed(course, 'name'));
  const description = localized(childrenNamed(course, 'description')).value;
  const title = name.value ?? courseId;
  for (const e of entryPoints) e.outlineId = courseId;
  return {
    format: 'xapi',
    manifestPath,
    identifier: courseId,
    title,
    ...(description ? { description } : {}),
    ...(name.lang ? { language: name.lang } : {}),
    keywords: [],
    outlines: [{ identifier: courseId, title, isDefault: true, children: nodes }],
    defaultOutlineId: courseId,
    entryPoints,
  };
}
