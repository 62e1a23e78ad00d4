import type { EntryPoint } from '../types';
import { type XmlElement, textOf } from '../xml/xml-element';
import { readContentPackage, type ContentPackageProfile } from './content-package';
import {
  assertLaunchable,
  contentPackageResult,
  resourceEntryPoints,
} from './content-package-result';
import type { FormatResult } from './format-result';
import type { ManifestClass } from './manifest-classifier';
import type { PackageContext } from './package-context';

/** Child element by local name, case-insensitive (`dataFromLMS` vs `datafromlms` both occur). */
function ciChild(el: XmlElement, local: string): XmlElement | undefined {
  const want = local.toLowerCase();
  return el.children.find((c) => c.local.toLowerCase() === want);
}

const scorm12Profile: ContentPackageProfile = {
  entryType: (r) => (r.scormType === 'sco' ? 'sco' : 'asset'),
  itemExtras(item) {
    const extras: Partial<EntryPoint> = {};
    const mastery = textOf(ciChild(item, 'masteryscore'));
    if (mastery !== undefined && Number.isFinite(Number(mastery)))
      extras.masteryScore = Number(mastery);
    const prerequisites = textOf(ciChild(item, 'prerequisites'));
    if (prerequisites) extras.prerequisites = prerequisites;
    const maxTime = textOf(ciChild(item, 'maxtimeallowed'));
    if (maxTime) extras.maxTimeAllowed = maxTime;
    const tla = textOf(ciChild(item, 'timelimitaction'));
    if (tla) extras.timeLimitAction = tla;
    const data = textOf(ciChild(item, 'datafromlms'));
    if (data) extras.dataFromLms = data;
    return extras;
  },
};

/**
 * SCORM 1.2 (imscp_rootv1p1p2 + adlcp_rootv1p2). Failure: nothing
 * launchable (PACKAGE_NO_LAUNCHABLE). Everything else is a warning (see
 * content-package.ts).
 */
export async function parseScorm12(
  manifest: XmlElement,
  manifestPath: string,
  ctx: PackageContext,
  cls: ManifestClass,
  fallbackTitle: string,
): Promise<FormatResult> {
  const parsed = await readContentPackage(manifest, manifestPath, ctx, scorm12Profile);
  let entryPoints = parsed.entryPoints;
  if (parsed.outlines.length === 0) {
    entryPoints = resourceEntryPoints(parsed.resources, scorm12Profile.entryType);
  }
  assertLaunchable(entryPoints, manifestPath);
  return contentPackageResult(parsed, cls, manifestPath, entryPoints, fallbackTitle);
}
