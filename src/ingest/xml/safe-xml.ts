import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { IngestError } from '../errors';
import type { XmlElement } from './xml-element';

const parser = new XMLParser({
  preserveOrder: true,
  cdataPropName: '#cdata',
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Entities are never expanded by the parser: predefined and numeric
  // references are decoded by `decodeXmlText` below, and documents declaring
  // their own entities are refused before parsing.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/**
 * Parses an XML document safely into a namespace-resolved element tree.
 *
 * - A UTF-8 BOM is stripped (tincan.xml files from Articulate start with one).
 * - Any `<!ENTITY` declaration or a DOCTYPE pointing at an external DTD
 *   (SYSTEM/PUBLIC) is refused with PACKAGE_XML_ENTITIES: that covers XXE and
 *   billion-laughs; nothing is ever expanded.
 * - Not well-formed XML fails with PACKAGE_MANIFEST_INVALID.
 */
export function parseSafeXml(source: Buffer | string, fileName: string): XmlElement {
  let text = typeof source === 'string' ? source : source.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  assertNoEntities(text, fileName);
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw invalid(fileName, `${msg} (line ${line}, column ${col})`);
  }
  const nodes = parser.parse(text) as OrderedNode[];
  const roots = nodes.filter((n) => elementName(n) !== undefined);
  if (roots.length !== 1) throw invalid(fileName, 'expected exactly one root element');
  return convert(roots[0], new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
}

function assertNoEntities(text: string, fileName: string): void {
  const doctype = /<!DOCTYPE\b([^[>]*)(\[[\s\S]*?\])?\s*>/i.exec(text);
  const hasEntity = /<!ENTITY\b/i.test(text);
  const externalDtd = doctype !== null && /\b(SYSTEM|PUBLIC)\b/.test(doctype[1] ?? '');
  if (hasEntity || externalDtd) {
    throw new IngestError(
      'PACKAGE_XML_ENTITIES',
      `“${fileName}”中声明了 XML 实体或外部 DTD，出于安全原因拒绝处理`,
      `"${fileName}" declares XML entities or an external DTD; refused for safety`,
      { file: fileName },
    );
  }
}

function invalid(fileName: string, detail: string): IngestError {
  return new IngestError(
    'PACKAGE_MANIFEST_INVALID',
    `“${fileName}”不是格式正确的 XML：${detail}`,
    `"${fileName}" is not well-formed XML: ${detail}`,
    { file: fileName, detail },
  );
}

type OrderedNode = Record<string, unknown>;

function cdataText(value: unknown): string {
  if (!Array.isArray(value)) return String(value ?? '');
  return value.map((v: OrderedNode) => String(v['#text'] ?? '')).join('');
}

function elementName(node: OrderedNode): string | undefined {
  return Object.keys(node).find(
    (k) =>
      k !== ':@' && k !== '#text' && k !== '#cdata' && !k.startsWith('?') && !k.startsWith('!'),
  );
}

function convert(node: OrderedNode, scope: Map<string, string>): XmlElement {
  const qname = elementName(node) as string;
  const rawAttrs = (node[':@'] ?? {}) as Record<string, string>;
  const attrs: Record<string, string> = {};
  let localScope = scope;
  for (const [k, v] of Object.entries(rawAttrs)) {
    const value = decodeXmlText(String(v));
    attrs[k] = value;
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      if (localScope === scope) localScope = new Map(scope);
      localScope.set(k === 'xmlns' ? '' : k.slice(6), value);
    }
  }
  const colon = qname.indexOf(':');
  const prefix = colon >= 0 ? qname.slice(0, colon) : '';
  const el: XmlElement = {
    qname,
    local: colon >= 0 ? qname.slice(colon + 1) : qname,
    ns: localScope.get(prefix) ?? '',
    attrs,
    children: [],
    text: '',
  };
  const kids = (node[qname] ?? []) as OrderedNode[];
  for (const kid of kids) {
    if ('#text' in kid) el.text += decodeXmlText(String(kid['#text']));
    else if ('#cdata' in kid) el.text += cdataText(kid['#cdata']);
    else if (elementName(kid) !== undefined) el.children.push(convert(kid, localScope));
  }
  return el;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined entities and numeric character references (single pass). */
export function decodeXmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
    return PREDEFINED[ref] ?? whole;
  });
}

function safeCodePoint(cp: number): string | undefined {
  if (!Number.isFinite(cp) || cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
    return undefined;
  return String.fromCodePoint(cp);
}
