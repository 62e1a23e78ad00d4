import type { Outline } from '../types';
import type { XmlElement } from '../xml/xml-element';
import { readContentPackage, type ContentPackageProfile } from './content-package';
import { contentPackageResult, resourceEntryPoints } from './content-package-result';
import type { FormatResult } from './format-result';
import type { ManifestClass } from './manifest-classifier';
import type { PackageContext } from './package-context';

const ccProfile: ContentPackageProfile = {
  entryType: () => 'resource',
  launchFirstFileWithoutHref: true,
};

/** Supporting files (`associatedcontent/...`) are never entry points on their own. */
const isLearnerFacing = (type: string | undefined) => !!type && !/^associatedcontent\//.test(type);

/**
 * IMS Common Cartridge 1.0–1.3. A cartridge is a course export: it may
 * legitimately contain only discussions, quizzes or links, or have an empty
 * <organizations/>, so "nothing launchable" is not a failure here; a
 * cartridge without any items gets entry points from its learner-facing
 * resources that have an href. CC organisations have a single root item
 * (`LearningModules`) which is unwrapped so the outline starts at the modules.
 */
export async function parseImsCc(
  manifest: XmlElement,
  manifestPath: string,
  ctx: PackageContext,
  cls: ManifestClass,
  fallbackTitle: string,
): Promise<FormatResult> {
  const parsed = await readContentPackage(manifest, manifestPath, ctx, ccProfile);
  parsed.outlines = parsed.outlines.map(unwrapRoot);
  let entryPoints = parsed.entryPoints;
  if (parsed.referencingItemCount === 0) {
    entryPoints = resourceEntryPoints(parsed.resources, ccProfile.entryType, (r) =>
      isLearnerFacing(r.type),
    );
  }
  return contentPackageResult(parsed, cls, manifestPath, entryPoints, fallbackTitle);
}

function unwrapRoot(outline: Outline): Outline {
  const [only] = outline.children;
  if (outline.children.length === 1 && !only.resourceIdentifier) {
    return { ...outline, children: only.children };
  }
  return outline;
}
