/** Courseware formats recognised by {@link inspectPackage}. */
export type PackageFormat = 'scorm12' | 'scorm2004' | 'imscc' | 'imscp' | 'cmi5' | 'xapi' | 'html5';

/** A string in one language (`lang` as written in the source, e.g. `en-US`, `zh-CN`). */
export interface LangString {
  lang?: string;
  value: string;
}

/** One `lifeCycle/contribute` of a LOM record. */
export interface LomContribution {
  /** Role value, e.g. `author`, `publisher`. */
  role?: string;
  /** Contributors; the vCard `FN` when the entity is a vCard, else the raw text. */
  entities: string[];
  /** Date as written (ISO 8601 usually). */
  date?: string;
}

/** The IEEE LOM / IMS MD fields the hub uses. */
export interface LomMetadata {
  /** Preferred title (Chinese, then English, then the first). */
  title?: string;
  /** All title variants. */
  titles: LangString[];
  /** Preferred description. */
  description?: string;
  /** Keywords (preferred language of each keyword). */
  keywords: string[];
  /** `general/language` values. */
  languages: string[];
  /** `lifeCycle/contribute` entries. */
  contributors: LomContribution[];
  /** `rights` fields. */
  rights?: {
    cost?: string;
    copyrightAndOtherRestrictions?: string;
    description?: string;
  };
}

/** A non-fatal problem found while inspecting a package. */
export interface InspectionWarning {
  /** Stable code, e.g. `FILE_MISSING`, `UNRESOLVED_IDENTIFIERREF`, `DEFAULT_ORGANIZATION_NOT_FOUND`. */
  code: string;
  /** Human-readable explanation (English). */
  message: string;
  /** Package path concerned, when relevant. */
  path?: string;
  /** Manifest identifier concerned, when relevant. */
  identifier?: string;
}

/** Launch target of an outline node. */
export interface LaunchTarget {
  /** Package-relative path (from the archive root) or an absolute URL, without query string. */
  href: string;
  /** Query/fragment appended to `href` (SCORM `parameters`, cmi5 url query). */
  parameters?: string;
  /** `href` + `parameters`, ready to put in a launch URL. */
  url: string;
  /** True when `href` is an absolute URL outside the package. */
  remote: boolean;
}

/** A node of an organisation / course structure tree. */
export interface OutlineNode {
  /** Manifest identifier (SCORM/CP item, cmi5 block/AU id). */
  identifier: string;
  title: string;
  /** SCORM `isvisible` (default true). */
  isVisible: boolean;
  /** `item` for IMS CP family, `block`/`au` for cmi5, `activity` for xAPI, `page` for HTML5. */
  kind: 'item' | 'block' | 'au' | 'activity' | 'page';
  /** Referenced resource identifier (IMS CP family). */
  resourceIdentifier?: string;
  /** Present when the node launches something. */
  launch?: LaunchTarget;
  children: OutlineNode[];
}

/** An organisation (SCORM/CP/CC) or the course structure (cmi5/xAPI/HTML5). */
export interface Outline {
  identifier: string;
  title: string;
  /** True for the organisation the package declares (or we chose) as default. */
  isDefault: boolean;
  children: OutlineNode[];
}

/** Kinds of launchable entry points. */
export type EntryPointType = 'sco' | 'asset' | 'au' | 'activity' | 'resource' | 'html';

/** Something a learner can launch. */
export interface EntryPoint {
  /** Item / AU / activity identifier (unique within the package). */
  id: string;
  title: string;
  type: EntryPointType;
  /** Outline (organisation) the entry belongs to, when any. */
  outlineId?: string;
  /** Resource identifier (IMS CP family). */
  resourceIdentifier?: string;
  /** IMS CP resource `type` (e.g. `webcontent`, `imsdt_xmlv1p3`). */
  resourceType?: string;
  launch: LaunchTarget;
  /** SCORM 1.2 `adlcp:masteryscore` (0–100); cmi5 `masteryScore` (0–1). */
  masteryScore?: number;
  /** SCORM 1.2 `adlcp:prerequisites` (aicc_script). */
  prerequisites?: string;
  /** SCORM `maxtimeallowed` / `timelimitaction`, `datafromlms`. */
  maxTimeAllowed?: string;
  timeLimitAction?: string;
  dataFromLms?: string;
  /** SCORM 2004 `adlcp:completionThreshold`. */
  completionThreshold?: string;
  /** cmi5 `moveOn`. */
  moveOn?: string;
  /** cmi5 `launchMethod` (AnyWindow / OwnWindow). */
  launchMethod?: string;
  /** cmi5 `launchParameters`. */
  launchParameters?: string;
  /** cmi5/xAPI activity type IRI. */
  activityType?: string;
}

/** A file inside the package. */
export interface PackageFile {
  path: string;
  size: number;
  compressedSize: number;
}

/** The result of {@link inspectPackage}. */
export interface PackageInspection {
  format: PackageFormat;
  /** e.g. `1.2`, `2004 3rd Edition`, `1.3.0`, `1.0`. Undefined when unknown. */
  formatVersion?: string;
  /** How the version was found: `schemaversion` element, namespaces, CC resource types, or a format default. */
  formatVersionSource?: 'schemaversion' | 'namespace' | 'resource-types' | 'default';
  /** Folder holding the manifest ('' or e.g. `course/`): packages zipped with a top folder. */
  rootPath: string;
  /** Path of the manifest inside the archive (absent for HTML5). */
  manifestPath?: string;
  /** Manifest / course identifier. */
  identifier?: string;
  title: string;
  description?: string;
  language?: string;
  keywords: string[];
  /** LOM metadata (inline and external merged), when present. */
  metadata?: LomMetadata;
  outlines: Outline[];
  /** Identifier of the default outline. */
  defaultOutlineId?: string;
  entryPoints: EntryPoint[];
  warnings: InspectionWarning[];
  /** Files (no directory entries, no `__MACOSX/` or `.DS_Store` junk). */
  files: PackageFile[];
  /** Sum of the uncompressed sizes of `files`. */
  totalSize: number;
}
