import { randomBytes } from 'node:crypto';
import { inspectPackage } from '../inspect-package';
import { buildRawZip } from '../testing/raw-zip';
import { makeTempDir } from '../testing/temp-files';

const tmp = makeTempDir('hostile-manifest-');
afterAll(() => tmp.cleanup());

const SCORM12 = (body: string, doctype = '') => `<?xml version="1.0"?>${doctype}
<manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
<metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>${body}</manifest>`;

const ORG = `<organizations default="o"><organization identifier="o"><title>T</title>
<item identifier="i1" identifierref="r1"><title>One</title></item></organization></organizations>
<resources><resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource></resources>`;

function zipWith(name: string, files: Record<string, string | Buffer>): string {
  return tmp.write(
    name,
    buildRawZip(
      Object.entries(files).map(([n, d]) => ({
        name: n,
        data: typeof d === 'string' ? Buffer.from(d) : d,
      })),
    ),
  );
}

describe('inspectPackage: hostile manifests', () => {
  it('refuses a billion-laughs manifest', async () => {
    const doctype =
      '<!DOCTYPE manifest [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    const file = zipWith('laughs.zip', {
      'imsmanifest.xml': SCORM12(ORG, doctype),
      'index.html': 'x',
    });
    await expect(inspectPackage(file)).rejects.toMatchObject({ code: 'PACKAGE_XML_ENTITIES' });
  });

  it('refuses an XXE manifest', async () => {
    const doctype = '<!DOCTYPE manifest [<!ENTITY x SYSTEM "file:///etc/passwd">]>';
    const file = zipWith('xxe.zip', {
      'imsmanifest.xml': SCORM12(ORG, doctype),
      'index.html': 'x',
    });
    await expect(inspectPackage(file)).rejects.toMatchObject({ code: 'PACKAGE_XML_ENTITIES' });
  });

  it('refuses an XXE in external metadata (adlcp:location)', async () => {
    const manifest = SCORM12(ORG).replace(
      '</metadata>',
      '<adlcp:location>md.xml</adlcp:location></metadata>',
    );
    const md =
      '<!DOCTYPE lom [<!ENTITY x SYSTEM "file:///etc/passwd">]><lom><general><title>&x;</title></general></lom>';
    const file = zipWith('xxe-md.zip', {
      'imsmanifest.xml': manifest,
      'md.xml': md,
      'index.html': 'x',
    });
    await expect(inspectPackage(file)).rejects.toMatchObject({ code: 'PACKAGE_XML_ENTITIES' });
  });

  it('refuses an oversize manifest', async () => {
    // random text so that the ratio check does not fire first
    const padding = `<!--${randomBytes(4.5 * 1024 * 1024).toString('base64')}-->`;
    const file = zipWith('big.zip', {
      'imsmanifest.xml': SCORM12(ORG + padding),
      'index.html': 'x',
    });
    await expect(inspectPackage(file)).rejects.toMatchObject({
      code: 'PACKAGE_MANIFEST_TOO_LARGE',
    });
    // the same package passes with a larger limit
    await expect(
      inspectPackage(file, { maxManifestBytes: 8 * 1024 * 1024 }),
    ).resolves.toMatchObject({ format: 'scorm12' });
  });

  it('finds the manifest inside a single top-level folder and resolves paths from there', async () => {
    const file = zipWith('nested.zip', {
      'course/imsmanifest.xml': SCORM12(ORG),
      'course/index.html': 'x',
    });
    const r = await inspectPackage(file);
    expect(r).toMatchObject({
      format: 'scorm12',
      rootPath: 'course/',
      manifestPath: 'course/imsmanifest.xml',
    });
    expect(r.entryPoints[0].launch).toMatchObject({
      href: 'course/index.html',
      url: 'course/index.html',
    });
    expect(r.warnings).toEqual([]);
  });

  it('refuses an archive with no recognisable content', async () => {
    const file = zipWith('unknown.zip', { 'readme.txt': 'hello', 'data/a.csv': '1,2' });
    await expect(inspectPackage(file)).rejects.toMatchObject({ code: 'PACKAGE_UNKNOWN_FORMAT' });
  });
});
