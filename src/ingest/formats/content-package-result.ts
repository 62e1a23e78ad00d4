import { IngestError } from '../errors';
import type { EntryPoint, EntryPointType } from '../types';
import type { CpResource, ParsedContentPackage } from './content-package';
import type { FormatResult } from './format-result';
import type { ManifestClass } from './manifest-classifier';

/** Entry points made from resources directly, for packages without organisations. */
export function resourceEntryPoints(
  resources: CpResource[],
  type: (r: CpResource) => EntryPointType,
  accept: (r: CpResource) => boolean = () => true,
): EntryPoint[] {
  return resources
    .filter((r) => r.launch && accept(r))
    .map((r) => ({
      id: r.identifier,
      title: r.identifier,
      type: type(r),
      resourceIdentifier: r.identifier,
      ...(r.type ? { resourceType: r.type } : {}),
      launch: r.launch!,
    }));
}

/** Builds the common result shape for IMS CP family formats. */
export function contentPackageResult(
  parsed: ParsedContentPackage,
  cls: ManifestClass,
  manifestPath: string,
  entryPoints: EntryPoint[],
  fallbackTitle: string,
): FormatResult {
  const defaultOutline = parsed.outlines.find((o) => o.isDefault);
  const md = parsed.metadata;
  const title = md?.title ?? defaultOutline?.title ?? fallbackTitle;
  return {
    format: cls.format,
    ...(cls.version ? { formatVersion: cls.version } : {}),
    ...(cls.versionSource ? { formatVersionSource: cls.versionSource } : {}),
    manifestPath,
    ...(parsed.identifier ? { identifier: parsed.identifier } : {}),
    title,
    ...(md?.description ? { description: md.description } : {}),
    ...(md?.languages[0] ? { language: md.languages[0] } : {}),
    keywords: md?.keywords ?? [],
    ...(md ? { metadata: md } : {}),
    outlines: parsed.outlines,
    ...(parsed.defaultOutlineId ? { defaultOutlineId: parsed.defaultOutlineId } : {}),
    entryPoints,
  };
}

/**
 * SCORM rule: a package nobody can launch is refused. This covers the
 * "only SCO has no href" case (its item then has no launch target).
 */
export function assertLaunchable(entryPoints: EntryPoint[], manifestPath: string): void {
  if (entryPoints.length === 0) {
    throw new IngestError(
      'PACKAGE_NO_LAUNCHABLE',
      '课件清单中没有可以启动的内容（缺少 SCO/资源的启动地址）',
      `"${manifestPath}" declares nothing launchable (no item references a resource with an href)`,
      { manifest: manifestPath },
    );
  }
}
