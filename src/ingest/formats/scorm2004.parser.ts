import type { EntryPoint } from '../types';
import { attr, child, path, type XmlElement, textOf } from '../xml/xml-element';
import { readContentPackage, type ContentPackageProfile } from './content-package';
import {
  assertLaunchable,
  contentPackageResult,
  resourceEntryPoints,
} from './content-package-result';
import type { FormatResult } from './format-result';
import type { ManifestClass } from './manifest-classifier';
import type { PackageContext } from './package-context';

const scorm2004Profile: ContentPackageProfile = {
  entryType: (r) => (r.scormType === 'sco' ? 'sco' : 'asset'),
  itemExtras(item) {
    const extras: Partial<EntryPoint> = {};
    const tla = textOf(child(item, 'timeLimitAction'));
    if (tla) extras.timeLimitAction = tla;
    const data = textOf(child(item, 'dataFromLMS')) ?? textOf(child(item, 'datafromlms'));
    if (data) extras.dataFromLms = data;
    // completionThreshold: element text (2nd/3rd Ed.) or minProgressMeasure attribute (4th Ed.).
    const ct = child(item, 'completionThreshold');
    const ctValue = textOf(ct) ?? attr(ct, 'minProgressMeasure');
    if (ctValue) extras.completionThreshold = ctValue;
    // Mastery: primary objective satisfied by measure, as a 0–1 score.
    const primary = path(item, 'sequencing', 'objectives', 'primaryObjective');
    if (attr(primary, 'satisfiedByMeasure') === 'true') {
      const m = Number(textOf(child(primary, 'minNormalizedMeasure')) ?? '1');
      if (Number.isFinite(m)) extras.masteryScore = m;
    }
    const limit = attr(path(item, 'sequencing', 'limitConditions'), 'attemptAbsoluteDurationLimit');
    if (limit) extras.maxTimeAllowed = limit;
    return extras;
  },
};

/**
 * SCORM 2004 (2nd, 3rd, 4th editions). `xml:base` on manifest, resources and
 * resource elements is applied before checking files. Failure: nothing
 * launchable. A missing `schemaversion` is a warning (version inferred from
 * namespaces).
 */
export async function parseScorm2004(
  manifest: XmlElement,
  manifestPath: string,
  ctx: PackageContext,
  cls: ManifestClass,
  fallbackTitle: string,
): Promise<FormatResult> {
  if (cls.versionSource === 'namespace') {
    ctx.warn({
      code: 'SCHEMAVERSION_MISSING',
      message:
        'The manifest has no <schemaversion>; SCORM 2004 was inferred from its namespaces (edition unknown)',
    });
  }
  const parsed = await readContentPackage(manifest, manifestPath, ctx, scorm2004Profile);
  let entryPoints = parsed.entryPoints;
  if (parsed.outlines.length === 0) {
    entryPoints = resourceEntryPoints(parsed.resources, scorm2004Profile.entryType);
  }
  assertLaunchable(entryPoints, manifestPath);
  return contentPackageResult(parsed, cls, manifestPath, entryPoints, fallbackTitle);
}
