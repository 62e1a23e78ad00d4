import { isIngestError } from '../errors';
import type {
  EntryPoint,
  EntryPointType,
  LaunchTarget,
  LomMetadata,
  Outline,
  OutlineNode,
} from '../types';
import { attr, child, childrenNamed, type XmlElement, textOf } from '../xml/xml-element';
import { parseSafeXml } from '../xml/safe-xml';
import { applyXmlBase, dirOf, joinParameters, resolveHref } from './href';
import { mergeLom, parseLom } from './lom';
import type { PackageContext } from './package-context';

/**
 * Shared reader for the IMS Content Packaging family (SCORM 1.2, SCORM 2004,
 * IMS Common Cartridge, plain IMS CP): metadata, organisations, resources,
 * file checks. Profile-specific parsers add their own fields through
 * {@link ContentPackageProfile}.
 *
 * Warning vs failure policy in this layer (the profile parsers add the
 * "nothing launchable" failure):
 * - files listed by the manifest but absent from the archive: warning
 *   (`FILE_MISSING`, or `LAUNCH_FILE_MISSING` for a launch href). Many real
 *   packages list files they do not ship (manifest-only test packages, shared
 *   depots, stale <file> lists); the LMS can still import the rest.
 * - `organizations@default` that matches no organisation: warning
 *   (`DEFAULT_ORGANIZATION_NOT_FOUND`); the first organisation becomes default.
 * - item `identifierref` matching no resource: warning (`UNRESOLVED_IDENTIFIERREF`);
 *   the item stays in the outline without a launch target.
 * - resource without `href` referenced by an item: warning (`RESOURCE_WITHOUT_HREF`).
 * - href escaping the package (`../../x`): warning (`HREF_OUTSIDE_PACKAGE`), never launched.
 * - external metadata (`adlcp:location`) absent or malformed: warning; an
 *   external metadata file declaring XML entities is still refused (hostile).
 */
export interface ContentPackageProfile {
  /** Entry-point type for a resource referenced by an item. */
  entryType(resource: CpResource): EntryPointType;
  /**
   * When a resource has no `href`, launch its first `<file>` instead (IMS CC:
   * discussions, quizzes and weblinks are XML files referenced only by <file>).
   */
  launchFirstFileWithoutHref?: boolean;
  /** Profile-specific fields read from the item element (mastery score, …). */
  itemExtras?(item: XmlElement, resource: CpResource): Partial<EntryPoint>;
}

/** A `<resource>` with its base resolved. */
export interface CpResource {
  identifier: string;
  type?: string;
  /** Raw `adlcp:scormtype`/`scormType` value, lower-cased. */
  scormType?: string;
  /** Resolved launch target, when the resource has a usable href. */
  launch?: LaunchTarget;
  /** Directory or URL that relative hrefs of this resource resolve against (xml:base applied). */
  base: string;
  element: XmlElement;
}

/** What the IMS CP family parsers produce. */
export interface ParsedContentPackage {
  identifier?: string;
  schema?: string;
  schemaVersion?: string;
  metadata?: LomMetadata;
  outlines: Outline[];
  defaultOutlineId?: string;
  entryPoints: EntryPoint[];
  resources: CpResource[];
  /** Items that reference a resource (launchable or not). */
  referencingItemCount: number;
}

/** Reads an IMS CP manifest (already parsed) in the given profile. */
export async function readContentPackage(
  manifest: XmlElement,
  manifestPath: string,
  ctx: PackageContext,
  profile: ContentPackageProfile,
): Promise<ParsedContentPackage> {
  const manifestDir = dirOf(manifestPath);
  const metadataEl = child(manifest, 'metadata');
  const schema = textOf(child(metadataEl, 'schema'));
  const schemaVersion = textOf(child(metadataEl, 'schemaversion'));
  const metadata = await readMetadata(metadataEl, manifestDir, ctx);

  const manifestBase = applyXmlBase(manifestDir, manifest.attrs['xml:base']);
  const resources = readResources(manifest, manifestBase, ctx, profile);
  const byId = new Map(resources.map((r) => [r.identifier, r]));

  if (childrenNamed(manifest, 'manifest').length > 0) {
    ctx.warn({
      code: 'SUBMANIFEST_IGNORED',
      message: 'Nested <manifest> elements (sub-manifests) are not supported and were ignored',
    });
  }

  const orgsEl = child(manifest, 'organizations');
  const orgEls = childrenNamed(orgsEl, 'organization');
  const declaredDefault = attr(orgsEl, 'default');
  let defaultOutlineId =
    orgEls.length > 0 ? (attr(orgEls[0], 'identifier') ?? 'organization-1') : undefined;
  if (declaredDefault) {
    if (orgEls.some((o) => attr(o, 'identifier') === declaredDefault))
      defaultOutlineId = declaredDefault;
    else {
      ctx.warn({
        code: 'DEFAULT_ORGANIZATION_NOT_FOUND',
        message: `organizations/@default="${declaredDefault}" matches no organization; using "${defaultOutlineId ?? '(none)'}"`,
        identifier: declaredDefault,
      });
    }
  }

  const entryPoints: EntryPoint[] = [];
  const counter = { referencing: 0 };
  const outlines: Outline[] = orgEls.map((orgEl, index) => {
    const identifier = attr(orgEl, 'identifier') ?? `organization-${index + 1}`;
    return {
      identifier,
      title: textOf(child(orgEl, 'title')) ?? identifier,
      isDefault: identifier === defaultOutlineId,
      children: childrenNamed(orgEl, 'item').map((it) =>
        readItem(it, identifier, byId, ctx, profile, entryPoints, counter),
      ),
    };
  });

  return {
    identifier: attr(manifest, 'identifier'),
    schema,
    schemaVersion,
    metadata,
    outlines,
    defaultOutlineId,
    entryPoints,
    resources,
    referencingItemCount: counter.referencing,
  };
}

function readItem(
  el: XmlElement,
  outlineId: string,
  resources: Map<string, CpResource>,
  ctx: PackageContext,
  profile: ContentPackageProfile,
  entryPoints: EntryPoint[],
  counter: { referencing: number },
): OutlineNode {
  const identifier = attr(el, 'identifier') ?? '';
  const title = textOf(child(el, 'title')) ?? identifier;
  const isVisible = (attr(el, 'isvisible', true) ?? 'true').trim().toLowerCase() !== 'false';
  const node: OutlineNode = { identifier, title, isVisible, kind: 'item', children: [] };
  const ref = attr(el, 'identifierref');
  if (ref) {
    counter.referencing += 1;
    node.resourceIdentifier = ref;
    const resource = resources.get(ref);
    if (!resource) {
      ctx.warn({
        code: 'UNRESOLVED_IDENTIFIERREF',
        message: `Item "${identifier}" references resource "${ref}", which does not exist`,
        identifier,
      });
    } else if (!resource.launch) {
      ctx.warn({
        code: 'RESOURCE_WITHOUT_HREF',
        message: `Item "${identifier}" references resource "${ref}", which has no usable href`,
        identifier,
      });
    } else {
      const parameters = attr(el, 'parameters');
      const launch: LaunchTarget = {
        ...resource.launch,
        ...(parameters ? { parameters } : {}),
        url: joinParameters(resource.launch.url, parameters),
      };
      node.launch = launch;
      entryPoints.push({
        id: identifier,
        title,
        type: profile.entryType(resource),
        outlineId,
        resourceIdentifier: resource.identifier,
        ...(resource.type ? { resourceType: resource.type } : {}),
        launch,
        ...(profile.itemExtras?.(el, resource) ?? {}),
      });
    }
  }
  node.children = childrenNamed(el, 'item').map((c) =>
    readItem(c, outlineId, resources, ctx, profile, entryPoints, counter),
  );
  return node;
}

function readResources(
  manifest: XmlElement,
  manifestBase: string,
  ctx: PackageContext,
  profile: ContentPackageProfile,
): CpResource[] {
  const resourcesEl = child(manifest, 'resources');
  const resourcesBase = applyXmlBase(manifestBase, resourcesEl?.attrs['xml:base']);
  const ids = new Set<string>();
  const out: CpResource[] = [];
  for (const el of childrenNamed(resourcesEl, 'resource')) {
    const identifier = attr(el, 'identifier') ?? '';
    ids.add(identifier);
    const base = applyXmlBase(resourcesBase, el.attrs['xml:base']);
    const resource: CpResource = {
      identifier,
      type: attr(el, 'type'),
      scormType: attr(el, 'scormtype', true)?.trim().toLowerCase(),
      base,
      element: el,
    };
    let href = attr(el, 'href');
    if ((!href || href.trim() === '') && profile.launchFirstFileWithoutHref) {
      href = attr(childrenNamed(el, 'file')[0], 'href');
    }
    if (href && href.trim() !== '') {
      const r = resolveHref(base, href);
      if (r.kind === 'outside') {
        ctx.warn({
          code: 'HREF_OUTSIDE_PACKAGE',
          message: `Resource "${identifier}" href "${href}" points outside the package`,
          identifier,
        });
      } else if (r.kind === 'remote') {
        resource.launch = { href: r.url, url: r.url + r.query, remote: true };
      } else {
        resource.launch = { href: r.path, url: encodePath(r.path) + r.query, remote: false };
        if (!ctx.hasFile(r.path)) {
          ctx.warn({
            code: 'LAUNCH_FILE_MISSING',
            message: `Launch file "${r.path}" of resource "${identifier}" is not in the package`,
            path: r.path,
            identifier,
          });
        }
      }
    }
    for (const f of childrenNamed(el, 'file')) {
      const fileHref = attr(f, 'href');
      if (!fileHref) continue;
      const r = resolveHref(applyXmlBase(base, f.attrs['xml:base']), fileHref);
      if (r.kind === 'local' && !ctx.hasFile(r.path) && r.path !== resource.launch?.href) {
        ctx.warn({
          code: 'FILE_MISSING',
          message: `File "${r.path}" listed by resource "${identifier}" is not in the package`,
          path: r.path,
          identifier,
        });
      }
    }
    out.push(resource);
  }
  for (const r of out) {
    for (const dep of childrenNamed(r.element, 'dependency')) {
      const ref = attr(dep, 'identifierref');
      if (ref && !ids.has(ref)) {
        ctx.warn({
          code: 'UNRESOLVED_DEPENDENCY',
          message: `Resource "${r.identifier}" depends on "${ref}", which does not exist`,
          identifier: r.identifier,
        });
      }
    }
  }
  return out;
}

/** Percent-encodes each path segment for use in a URL. */
export function encodePath(p: string): string {
  return p
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

async function readMetadata(
  metadataEl: XmlElement | undefined,
  manifestDir: string,
  ctx: PackageContext,
): Promise<LomMetadata | undefined> {
  if (!metadataEl) return undefined;
  const inlineLom = metadataEl.children.find((c) => c.local.toLowerCase() === 'lom');
  let result = inlineLom ? parseLom(inlineLom) : undefined;
  for (const loc of childrenNamed(metadataEl, 'location')) {
    const href = textOf(loc);
    if (!href) continue;
    const r = resolveHref(manifestDir, href);
    if (r.kind !== 'local') continue;
    if (!ctx.hasFile(r.path)) {
      ctx.warn({
        code: 'EXTERNAL_METADATA_MISSING',
        message: `External metadata file "${r.path}" (adlcp:location) is not in the package`,
        path: r.path,
      });
      continue;
    }
    try {
      const root = parseSafeXml(await ctx.readFile(r.path), r.path);
      const lom =
        root.local.toLowerCase() === 'lom'
          ? root
          : root.children.find((c) => c.local.toLowerCase() === 'lom');
      if (lom) result = mergeLom(result, parseLom(lom));
    } catch (err) {
      if (isIngestError(err, 'PACKAGE_XML_ENTITIES')) throw err;
      ctx.warn({
        code: 'EXTERNAL_METADATA_INVALID',
        message: `External metadata file "${r.path}" could not be read: ${err instanceof Error ? err.message : String(err)}`,
        path: r.path,
      });
    }
  }
  return result;
}
