/** A namespace-resolved XML element (comments and processing instructions dropped). */
export interface XmlElement {
  /** Qualified name as written, e.g. `adlcp:location`. */
  qname: string;
  /** Local name, e.g. `location`. */
  local: string;
  /** Namespace URI in scope for the element ('' when none). */
  ns: string;
  /** Attributes by qualified name, entity-decoded. */
  attrs: Record<string, string>;
  /** Child elements in document order. */
  children: XmlElement[];
  /** Concatenated direct text content, entity-decoded, untrimmed. */
  text: string;
}

/** Child elements with the given local name (namespace prefix ignored, case-sensitive). */
export function childrenNamed(el: XmlElement | undefined, local: string): XmlElement[] {
  return el ? el.children.filter((c) => c.local === local) : [];
}

/** First child element with the given local name. */
export function child(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return el?.children.find((c) => c.local === local);
}

/** Follows a path of local names, taking the first match at each step. */
export function path(el: XmlElement | undefined, ...locals: string[]): XmlElement | undefined {
  let cur = el;
  for (const l of locals) cur = child(cur, l);
  return cur;
}

/** All descendants (depth-first) with the given local name. */
export function descendants(el: XmlElement, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.local === local) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/**
 * Attribute by local name, ignoring the prefix and (optionally) case:
 * SCORM 1.2 writes `adlcp:scormtype`, SCORM 2004 `adlcp:scormType`, and real
 * packages mix both.
 */
export function attr(
  el: XmlElement | undefined,
  local: string,
  ignoreCase = false,
): string | undefined {
  if (!el) return undefined;
  const want = ignoreCase ? local.toLowerCase() : local;
  for (const [k, v] of Object.entries(el.attrs)) {
    const l = k.includes(':') ? k.slice(k.indexOf(':') + 1) : k;
    if ((ignoreCase ? l.toLowerCase() : l) === want) return v;
  }
  return undefined;
}

/** Trimmed text of the element, whitespace collapsed; undefined when empty. */
export function textOf(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const t = el.text.replace(/\s+/g, ' ').trim();
  return t.length > 0 ? t : undefined;
}

/** All namespace URIs declared anywhere in the document. */
export function declaredNamespaces(root: XmlElement): Set<string> {
  const out = new Set<string>();
  const walk = (e: XmlElement) => {
    for (const [k, v] of Object.entries(e.attrs))
      if (k === 'xmlns' || k.startsWith('xmlns:')) out.add(v);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}
