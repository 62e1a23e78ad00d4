import type { PackageInspection } from '../types';
import {
  attr,
  child,
  childrenNamed,
  declaredNamespaces,
  type XmlElement,
  textOf,
} from '../xml/xml-element';

/** Which IMS CP profile an imsmanifest.xml follows. */
export interface ManifestClass {
  format: 'scorm12' | 'scorm2004' | 'imscc' | 'imscp';
  version?: string;
  versionSource?: PackageInspection['formatVersionSource'];
}

const SCORM2004_NS = /adlcp_v1p3|adlseq_v1p3|adlnav_v1p3|imsglobal\.org\/xsd\/imsss/;
const CC_NS = /imsccv(\d)p(\d)/;
const CC_RESOURCE_TYPE =
  /imscc_xmlv(\d)p(\d)|imsdt_xmlv(\d)p(\d)|imswl_xmlv(\d)p(\d)|imsbasiclti_xmlv(\d)p(\d)/;

/**
 * Classifies a manifest. Order: Common Cartridge (namespace, `schema`, or CC
 * resource types, since CC 1.0 cartridges may use the plain IMS CP
 * namespace), then SCORM 2004 (`schemaversion` `CAM 1.3` / `2004 …`, else
 * any ADL v1p3 / IMS SS namespace), then SCORM 1.2 (`schemaversion` 1.2 or
 * the `adlcp_rootv1p2` namespace), else plain IMS content package.
 */
export function classifyManifest(manifest: XmlElement): ManifestClass {
  const namespaces = [...declaredNamespaces(manifest), manifest.ns].join(' ');
  const metadata = child(manifest, 'metadata');
  const schema = textOf(child(metadata, 'schema')) ?? '';
  const schemaVersion = textOf(child(metadata, 'schemaversion'));

  const ccNs = CC_NS.exec(manifest.ns) ?? CC_NS.exec(namespaces);
  const resourceTypes = childrenNamed(child(manifest, 'resources'), 'resource')
    .map((r) => attr(r, 'type') ?? '')
    .join(' ');
  const ccType = CC_RESOURCE_TYPE.exec(resourceTypes);
  if (ccNs || /common cartridge/i.test(schema) || ccType) {
    if (schemaVersion && /^\d+(\.\d+)*$/.test(schemaVersion)) {
      return { format: 'imscc', version: schemaVersion, versionSource: 'schemaversion' };
    }
    if (ccNs)
      return { format: 'imscc', version: `${ccNs[1]}.${ccNs[2]}.0`, versionSource: 'namespace' };
    if (ccType) {
      const digits = ccType.slice(1).filter((d) => d !== undefined);
      return {
        format: 'imscc',
        version: `${digits[0]}.${digits[1]}.0`,
        versionSource: 'resource-types',
      };
    }
    return { format: 'imscc' };
  }

  if (schemaVersion) {
    const v = schemaVersion.toLowerCase();
    if (v === 'cam 1.3' || v === '2004 2nd edition') {
      return { format: 'scorm2004', version: '2004 2nd Edition', versionSource: 'schemaversion' };
    }
    const ed = /2004\s*(\d)(?:st|nd|rd|th)?\s*edition/.exec(v);
    if (ed) {
      const n = ed[1];
      const suffix = n === '2' ? 'nd' : n === '3' ? 'rd' : 'th';
      return {
        format: 'scorm2004',
        version: `2004 ${n}${suffix} Edition`,
        versionSource: 'schemaversion',
      };
    }
    if (/2004|^1\.3/.test(v))
      return { format: 'scorm2004', version: '2004', versionSource: 'schemaversion' };
    if (/^1\.2/.test(v))
      return { format: 'scorm12', version: '1.2', versionSource: 'schemaversion' };
  }
  if (SCORM2004_NS.test(namespaces)) {
    // Namespaces are shared by the 2nd, 3rd and 4th editions: edition unknown.
    return { format: 'scorm2004', version: '2004', versionSource: 'namespace' };
  }
  if (/adlcp_rootv1p2/.test(namespaces) || /ADL SCORM/i.test(schema)) {
    return {
      format: 'scorm12',
      version: '1.2',
      versionSource: /adlcp_rootv1p2/.test(namespaces) ? 'namespace' : 'default',
    };
  }
  if (schemaVersion)
    return { format: 'imscp', version: schemaVersion, versionSource: 'schemaversion' };
  if (/imscp_rootv1p1p2/.test(manifest.ns))
    return { format: 'imscp', version: '1.1.2', versionSource: 'namespace' };
  if (/imscp_v1p1/.test(manifest.ns))
    return { format: 'imscp', version: '1.1', versionSource: 'namespace' };
  return { format: 'imscp' };
}
