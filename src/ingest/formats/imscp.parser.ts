import type { XmlElement } from '../xml/xml-element';
import { readContentPackage, type ContentPackageProfile } from './content-package';
import { contentPackageResult, resourceEntryPoints } from './content-package-result';
import type { FormatResult } from './format-result';
import type { ManifestClass } from './manifest-classifier';
import type { PackageContext } from './package-context';

const cpProfile: ContentPackageProfile = { entryType: () => 'resource' };

/**
 * Plain IMS Content Packaging (no SCORM / CC profile). Content packages are
 * often plain resource bundles without organisations, so when no item
 * references a resource every resource with an href is an entry point, and
 * an empty package is a warning (`NO_ENTRY_POINTS`), not a failure.
 */
export async function parseImsCp(
  manifest: XmlElement,
  manifestPath: string,
  ctx: PackageContext,
  cls: ManifestClass,
  fallbackTitle: string,
): Promise<FormatResult> {
  const parsed = await readContentPackage(manifest, manifestPath, ctx, cpProfile);
  let entryPoints = parsed.entryPoints;
  if (parsed.referencingItemCount === 0)
    entryPoints = resourceEntryPoints(parsed.resources, cpProfile.entryType);
  if (entryPoints.length === 0) {
    ctx.warn({
      code: 'NO_ENTRY_POINTS',
      message: 'The content package declares no resource with an href',
    });
  }
  return contentPackageResult(parsed, cls, manifestPath, entryPoints, fallbackTitle);
}
