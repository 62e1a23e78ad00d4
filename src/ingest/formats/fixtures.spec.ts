import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { IngestErrorCode } from '../errors';
import { inspectPackage } from '../inspect-package';
import { buildRawZip } from '../testing/raw-zip';
import { makeTempDir } from '../testing/temp-files';
import type { Outline, OutlineNode, PackageFormat, PackageInspection } from '../types';

// src/ingest/formats -> repository root -> sibling "shared" checkout folder
const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'packages');
const present = existsSync(FIXTURES);
if (!present) {
  console.warn(`[ingest fixtures] ${FIXTURES} is absent: courseware fixture tests are skipped.`);
}
const describeFixtures = present ? describe : describe.skip;

const count = (nodes: OutlineNode[]): number =>
  nodes.reduce((n, c) => n + 1 + count(c.children), 0);
const shape = (outlines: Outline[]) =>
  outlines.map((o) => [o.identifier, o.isDefault, count(o.children)]);
const codes = (r: PackageInspection) => [...new Set(r.warnings.map((w) => w.code))].sort();

interface Ok {
  format: PackageFormat;
  version?: string;
  title: string;
  /** [outline id, isDefault, node count] */
  outlines: Array<[string, boolean, number]>;
  entryPoints: number;
  warnings?: string[];
}

const OK: Record<string, Ok> = {
  'scorm12/golf-ContentPackagingSingleSCO_SCORM12.zip': {
    format: 'scorm12',
    version: '1.2',
    title: 'Golf Explained - CP Single SCO',
    outlines: [['golf_sample_default_org', true, 1]],
    entryPoints: 1,
    warnings: [],
  },
  'scorm12/golf-ContentPackagingOneFilePerSCO_SCORM12.zip': {
    format: 'scorm12',
    version: '1.2',
    title: 'Golf Explained - CP One File Per SCO',
    outlines: [['golf_sample_default_org', true, 22]],
    entryPoints: 18,
    warnings: [],
  },
  'scorm12/golf-RuntimeMinimumCalls_SCORM12.zip': {
    format: 'scorm12',
    version: '1.2',
    title: 'Golf Explained - Minimum Run-time Calls',
    outlines: [['golf_sample_default_org', true, 22]],
    entryPoints: 18,
    warnings: [],
  },
  'scorm12/emp-PrerequisitesTest_SCORM12.zip': {
    format: 'scorm12',
    version: '1.2',
    title: 'Prerequisites Test Course',
    outlines: [['org1', true, 4]],
    entryPoints: 4,
    warnings: [],
  },
  'scorm12/emp-ComplexNestedOrganization_SCORM12.zip': {
    format: 'scorm12',
    version: '1.2',
    title: 'Complex Nested Organization Test',
    outlines: [
      ['default_org', true, 11],
      ['alternate_org', false, 1],
    ],
    entryPoints: 12,
    warnings: ['LAUNCH_FILE_MISSING'],
  },
  'scorm12/emp-ItemWithNonExistentResourceId_SCORM12.zip': {
    format: 'scorm12',
    version: '1.2',
    title: 'Item With Non-Existent Resource ID Test',
    outlines: [['default_org', true, 2]],
    entryPoints: 1,
    warnings: ['UNRESOLVED_IDENTIFIERREF'],
  },
  'scorm12/emp-MultipleItemsWithIdentifierRef_SCORM12.zip': {
    format: 'scorm12',
    version: '1.2',
    title: 'Multiple Items With IdentifierRef Test',
    outlines: [['default_org', true, 3]],
    entryPoints: 3,
    warnings: [],
  },
  'scorm12/moodle-complexscorm.zip': {
    format: 'scorm12',
    version: '1.2',
    title: 'The organization',
    outlines: [['mm-SCORMDEbugger555f231e21b982c25d16', true, 8]],
    entryPoints: 8,
    warnings: ['DEFAULT_ORGANIZATION_NOT_FOUND', 'EXTERNAL_METADATA_MISSING', 'JUNK_FILES_IGNORED'],
  },
  'scorm2004/golf-ContentPackagingSingleSCO_SCORM20042ndEdition.zip': {
    format: 'scorm2004',
    version: '2004 2nd Edition',
    title: 'Golf Explained - CP Single SCO',
    outlines: [['golf_sample_default_org', true, 1]],
    entryPoints: 1,
    warnings: [],
  },
  'scorm2004/golf-ContentPackagingMetadata_SCORM20043rdEdition.zip': {
    format: 'scorm2004',
    version: '2004 3rd Edition',
    title: 'Golf Explained',
    outlines: [['golf_sample_default_org', true, 1]],
    entryPoints: 1,
    warnings: [],
  },
  'scorm2004/golf-RuntimeBasicCalls_SCORM20043rdEdition.zip': {
    format: 'scorm2004',
    version: '2004 3rd Edition',
    title: 'Golf Explained - Run-time Basic Calls',
    outlines: [['golf_sample_default_org', true, 1]],
    entryPoints: 1,
    warnings: [],
  },
  'scorm2004/golf-RuntimeMinimumCalls_SCORM20043rdEdition.zip': {
    format: 'scorm2004',
    version: '2004 3rd Edition',
    title: 'Golf Explained - Minimum Run-time Calls',
    outlines: [['golf_sample_default_org', true, 22]],
    entryPoints: 18,
    warnings: [],
  },
  'scorm2004/golf-SequencingForcedSequential_SCORM20043rdEdition.zip': {
    format: 'scorm2004',
    version: '2004 3rd Edition',
    title: 'Golf Explained - Sequencing Forced Order',
    outlines: [['golf_sample_default_org', true, 5]],
    entryPoints: 5,
    warnings: [],
  },
  'scorm2004/golf-SequencingPostTestRollup4thEd_SCORM20044thEdition.zip': {
    format: 'scorm2004',
    version: '2004 4th Edition',
    title: 'Golf Explained - 4th Edition Features',
    outlines: [['golf_sample_default_org', true, 5]],
    entryPoints: 5,
    warnings: [],
  },
  'scorm2004/golf-SequencingPreOrPostTestRollup_SCORM20043rdEdition.zip': {
    format: 'scorm2004',
    version: '2004 3rd Edition',
    title: 'Golf Explained - Sequencing Pre or Post Test Rollup',
    outlines: [['golf_sample_default_org', true, 8]],
    entryPoints: 6,
    warnings: [],
  },
  'scorm2004/golf-SequencingSimpleRemediation_SCORM20043rdEdition.zip': {
    format: 'scorm2004',
    version: '2004 3rd Edition',
    title: 'Golf Explained - Simple Remediation',
    outlines: [['golf_sample_default_org', true, 9]],
    entryPoints: 8,
    warnings: [],
  },
  'scorm2004/emp-AdlAttributes_SCORM20043rdEdition.zip': {
    format: 'scorm2004',
    version: '2004 3rd Edition',
    title: 'ADL Attributes Example',
    outlines: [['org1', true, 1]],
    entryPoints: 1,
    warnings: ['LAUNCH_FILE_MISSING'],
  },
  'scorm2004/emp-ContentPackagingNoSchemaVersion_SCORM20042ndEdition.zip': {
    format: 'scorm2004',
    version: '2004',
    title: 'Minimal 2nd Edition No SchemaVersion',
    outlines: [['org1', true, 1]],
    entryPoints: 1,
    warnings: ['LAUNCH_FILE_MISSING', 'SCHEMAVERSION_MISSING'],
  },
  'scorm2004/adl-cts/adlcts-LMSTestPackage_CM-01.zip': {
    format: 'scorm2004',
    version: '2004 4th Edition',
    title: 'LMS Test Content Package CM-01',
    outlines: [['CM-01', true, 3]],
    entryPoints: 3,
    warnings: ['FILE_MISSING', 'LAUNCH_FILE_MISSING'],
  },
  'scorm2004/adl-cts/adlcts-CM-01-broken-default-org.zip': {
    format: 'scorm2004',
    version: '2004 4th Edition',
    title: 'LMS Test Content Package CM-01',
    outlines: [['CM-01', true, 3]],
    entryPoints: 3,
    warnings: ['DEFAULT_ORGANIZATION_NOT_FOUND', 'FILE_MISSING', 'LAUNCH_FILE_MISSING'],
  },
  'scorm2004/adl-cts/adlcts-LMSTestPackage_CM-09aa.zip': {
    format: 'scorm2004',
    version: '2004 4th Edition',
    title: 'LMS Test Content Package CM-09aa',
    outlines: [['CM-09aa', true, 4]],
    entryPoints: 4,
  },
  'scorm2004/adl-cts/adlcts-LMSTestPackage_CO-03.zip': {
    format: 'scorm2004',
    version: '2004 4th Edition',
    title: 'LMS Test Content Package CO-03',
    outlines: [['CO-03', true, 7]],
    entryPoints: 6,
  },
  'scorm2004/adl-cts/adlcts-LMSTestPackage_DMB.zip': {
    format: 'scorm2004',
    version: '2004 4th Edition',
    title: 'LMS Test Content Package DMB',
    outlines: [['DMB', true, 9]],
    entryPoints: 9,
    warnings: ['FILE_MISSING'],
  },
  'scorm2004/adl-cts/adlcts-LMSTestPackage_MS-07.zip': {
    format: 'scorm2004',
    version: '2004 4th Edition',
    title: 'LMS Test Content Package MS-07',
    outlines: [['MS-07', true, 8]],
    entryPoints: 5,
  },
  'scorm2004/adl-cts/adlcts-LMSTestPackage_RU-17b.zip': {
    format: 'scorm2004',
    version: '2004 4th Edition',
    title: 'LMS Test Content Package RU-17b',
    outlines: [['RU-17b', true, 17]],
    entryPoints: 10,
  },
  'scorm2004/adl-cts/adlcts-LMSTestPackage_SX-05.zip': {
    format: 'scorm2004',
    version: '2004 4th Edition',
    title: 'LMS Test Content Package SX-05',
    outlines: [['SX-05', true, 10]],
    entryPoints: 7,
  },
  'cmi5/catapult-single_au_basic_responsive.zip': {
    format: 'cmi5',
    title: 'Introduction to Geology - Responsive Style',
    outlines: [
      [
        'https://w3id.org/xapi/cmi5/catapult/lts/course/geology-intro-single-au-basic-responsive',
        true,
        1,
      ],
    ],
    entryPoints: 1,
    warnings: [],
  },
  'cmi5/catapult-multi_au_framed.zip': {
    format: 'cmi5',
    title: 'Introduction to Geology - Multi AU at Root',
    outlines: [
      ['https://w3id.org/xapi/cmi5/catapult/lts/course/geology-intro-multi-au-framed', true, 8],
    ],
    entryPoints: 8,
    warnings: [],
  },
  'cmi5/catapult-pre_post_test_framed.zip': {
    format: 'cmi5',
    title: 'Introduction to Geology - Pre/Post Test',
    outlines: [
      ['https://w3id.org/xapi/cmi5/catapult/lts/course/geology-intro-preposttest', true, 8],
    ],
    entryPoints: 6,
    warnings: [],
  },
  'cmi5/catapult-lts/101-one-thousand-aus.xml': {
    format: 'cmi5',
    title: 'CATAPULT LMS Test Course: 0002-one-thousand-aus',
    outlines: [
      ['https://w3id.org/xapi/cmi5/catapult/lts/course/0002-one-thousand-aus', true, 1001],
    ],
    entryPoints: 1001,
    warnings: [],
  },
  'xapi/tincanproto-GolfExample_TCAPI.zip': {
    format: 'xapi',
    title: 'Tin Can Golf Example',
    outlines: [['http://id.tincanapi.com/activity/tincan-prototypes/golf-example', true, 1]],
    entryPoints: 1,
    warnings: [],
  },
  'xapi/tincanproto-JsTetris_TCAPI.zip': {
    format: 'xapi',
    title: 'Tin Can Tetris Example',
    outlines: [['http://id.tincanapi.com/activity/tincan-prototypes/tetris', true, 1]],
    entryPoints: 1,
    warnings: [],
  },
  'xapi/emp-basic_course.zip': {
    format: 'xapi',
    title: 'Basic xAPI Course',
    outlines: [['http://example.com/activities/basic-course', true, 1]],
    entryPoints: 1,
    warnings: [],
  },
  'imscc/ccv-allyworkshop.imscc': {
    format: 'imscc',
    version: '1.3.0',
    title: 'Ally: Accessibility Workshop',
    outlines: [['org_1', true, 14]],
    entryPoints: 9,
    warnings: ['UNRESOLVED_IDENTIFIERREF'],
  },
  'imscc/ccv-canvas_cc_gem_course.imscc': {
    format: 'imscc',
    version: '1.1.0',
    title: 'Canvas CC Gem Course',
    outlines: [],
    entryPoints: 0,
    warnings: ['LAUNCH_FILE_MISSING'],
  },
  'imscc/ccv-single-page.imscc': {
    format: 'imscc',
    version: '1.3.0',
    title: 'The Life of Paul',
    outlines: [['org_1', true, 0]],
    entryPoints: 1,
    warnings: [],
  },
  'imscc/ccv-grouptest.zip': {
    format: 'imscc',
    version: '1.3.0',
    title: 'questionGroupCourse',
    outlines: [['org_1', true, 4]],
    entryPoints: 3,
    warnings: [],
  },
  'imscc/ccv-dir-course-1.zip': {
    format: 'imscc',
    version: '1.3.0',
    title: 'COURSE-for-modules-testing',
    outlines: [['org_1', true, 12]],
    entryPoints: 9,
    warnings: ['LAUNCH_FILE_MISSING', 'UNRESOLVED_IDENTIFIERREF'],
  },
  'imscc/ccv-dir-all-question-types.zip': {
    format: 'imscc',
    version: '1.3.0',
    title: 'XavierSchool',
    outlines: [['org_1', true, 0]],
    entryPoints: 1,
    warnings: [],
  },
  'imscc/ccv-dir-rich-content-cc-file.zip': {
    format: 'imscc',
    version: '1.3.0',
    title: 'Dhealey Main 1',
    outlines: [['org_1', true, 0]],
    entryPoints: 3,
    warnings: [],
  },
  'imscc/ccv-dir-single-discussion.zip': {
    format: 'imscc',
    version: '1.3.0',
    title: 'My test',
    outlines: [['org_1', true, 0]],
    entryPoints: 2,
    warnings: [],
  },
  'imscc/pyslet-cc1p0-sample_1.zip': {
    format: 'imscc',
    version: '1.0.0',
    title: 'pyslet-cc1p0-sample_1',
    outlines: [],
    entryPoints: 5,
    warnings: [],
  },
  'imscp/pyslet-package_1.zip': {
    format: 'imscp',
    version: '1.1',
    title: 'pyslet-package_1',
    outlines: [],
    entryPoints: 1,
    warnings: ['JUNK_FILES_IGNORED'],
  },
  'imscp/pyslet-package_3.zip': {
    format: 'imscp',
    version: '1.1',
    title: 'pyslet-package_3',
    outlines: [],
    entryPoints: 2,
    warnings: [],
  },
  'html5/adgear-test-ad.zip': {
    format: 'html5',
    title: 'Hello world.',
    outlines: [['html5', true, 1]],
    entryPoints: 1,
    warnings: [],
  },
  'html5/adgear-test-ad-with-spaces.zip': {
    format: 'html5',
    title: 'Hello world.',
    outlines: [['html5', true, 1]],
    entryPoints: 1,
    warnings: [],
  },
  'html5/moodle-invalid-single-htm.zip': {
    format: 'html5',
    title: 'moodle-invalid-single-htm',
    outlines: [['html5', true, 1]],
    entryPoints: 1,
    warnings: ['FALLBACK_LAUNCH_FILE'],
  },
};

const FAIL: Record<string, IngestErrorCode> = {
  'scorm12/emp-MalformedXml_SCORM12.zip': 'PACKAGE_MANIFEST_INVALID',
  'scorm12/emp-MissingLaunchUrl_SCORM12.zip': 'PACKAGE_NO_LAUNCHABLE',
  'malformed/moodle-badscorm-corrupted.zip': 'PACKAGE_CORRUPT',
  'html5/adgear-invalid.zip': 'PACKAGE_NOT_A_ZIP',
  'cmi5/catapult-lts/209-1-not-a-zip.zip': 'PACKAGE_NOT_A_ZIP',
  'aicc/moodle-validaicc.zip': 'PACKAGE_UNKNOWN_FORMAT',
  'cmi5/catapult-lts/201-1-iris-course-id.xml': 'PACKAGE_INVALID_IDENTIFIER',
  'cmi5/catapult-lts/201-3-iris-au-id.xml': 'PACKAGE_INVALID_IDENTIFIER',
  'cmi5/catapult-lts/202-1-relative-url-no-zip.xml': 'PACKAGE_INVALID_LAUNCH_URL',
  'cmi5/catapult-lts/202-3-relative-url-no-zip.xml': 'PACKAGE_INVALID_LAUNCH_URL',
  'cmi5/catapult-lts/203-1-relative-url-no-reference__cmi5.xml': 'PACKAGE_INVALID_LAUNCH_URL',
  'cmi5/catapult-lts/205-1-duplicated-block.xml': 'PACKAGE_DUPLICATE_IDENTIFIER',
  'cmi5/catapult-lts/205-3-duplicated-au.xml': 'PACKAGE_DUPLICATE_IDENTIFIER',
  'cmi5/catapult-lts/206-1-invalid-au-url.xml': 'PACKAGE_INVALID_LAUNCH_URL',
};

/** cmi5.xml files of packages whose AU content lives beside them upstream: zipped here with stub launch pages. */
const CMI5_IN_PACKAGE = [
  '001-essentials__cmi5.xml',
  '002-allowed__cmi5.xml',
  '003-launchMethod-OwnWindow__cmi5.xml',
  '004-1-moveOn-Completed__cmi5.xml',
  '004-2-moveOn-CompletedOrPassed__cmi5.xml',
  '004-3-moveOn-Passed__cmi5.xml',
  '004-4-moveOn-CompletedOrPassed__cmi5.xml',
  '004-5-moveOn-NotApplicable__cmi5.xml',
  '005-1-invalid-au__cmi5.xml',
  '006-launchMode__cmi5.xml',
  '007-1-multi-session__cmi5.xml',
  '007-2-multi-session__cmi5.xml',
  '008-1-abandoned__cmi5.xml',
  '009-1-waived__cmi5.xml',
];

describeFixtures('inspectPackage on the shared courseware fixtures', () => {
  const fx = (rel: string) => path.join(FIXTURES, rel);

  it.each(Object.entries(OK))('%s', async (rel, want) => {
    const r = await inspectPackage(fx(rel));
    expect(r.format).toBe(want.format);
    if (want.version) expect(r.formatVersion).toBe(want.version);
    expect(r.title).toBe(want.title);
    expect(shape(r.outlines)).toEqual(want.outlines);
    expect(r.entryPoints).toHaveLength(want.entryPoints);
    if (want.warnings) expect(codes(r)).toEqual([...want.warnings].sort());
    for (const e of r.entryPoints) expect(e.launch.url.length).toBeGreaterThan(0);
  });

  it.each(Object.entries(FAIL))('%s is refused', async (rel, code) => {
    await expect(inspectPackage(fx(rel))).rejects.toMatchObject({ name: 'IngestError', code });
  });

  describe('details', () => {
    it('SCORM 1.2: mastery score, prerequisites, datafromlms (camel case), isvisible', async () => {
      const r = await inspectPackage(fx('scorm12/emp-PrerequisitesTest_SCORM12.zip'));
      expect(r.entryPoints.some((e) => e.prerequisites !== undefined)).toBe(true);
      expect(r.entryPoints.some((e) => typeof e.masteryScore === 'number')).toBe(true);
      const complex = await inspectPackage(fx('scorm12/moodle-complexscorm.zip'));
      const hidden = complex.outlines[0].children.find((c) => c.title === 'SCO not visible');
      expect(hidden?.isVisible).toBe(false);
      const withKids = complex.outlines[0].children.find((c) => c.title === 'SCO with subscoes');
      expect(withKids?.launch?.href).toBe('index.html');
      expect(withKids?.children[0].children[0].title).toBe('Sub-Sub-SCO');
      expect(complex.entryPoints.find((e) => e.type === 'asset')?.title).toBe(
        'Third content (this is an asset)',
      );
      expect(complex.files.some((f) => f.path.startsWith('__MACOSX/'))).toBe(false);
    });

    it('SCORM 2004: xml:base is applied and item parameters are joined to the href', async () => {
      const r = await inspectPackage(fx('scorm2004/adl-cts/adlcts-LMSTestPackage_CM-01.zip'));
      const launches = r.entryPoints.map((e) => e.launch.url);
      expect(launches[0]).toMatch(/^resources\/.+\?tc=CM-01&act=1$/);
      expect(r.entryPoints[2].masteryScore).toBe(0.7);
      const missing = r.warnings.filter((w) => w.code === 'LAUNCH_FILE_MISSING').map((w) => w.path);
      expect(missing.every((p) => p?.startsWith('resources/'))).toBe(true);
      // DMB ships its resources/*.htm pages: after xml:base they resolve, so no launch file is missing
      const dmb = await inspectPackage(fx('scorm2004/adl-cts/adlcts-LMSTestPackage_DMB.zip'));
      expect(dmb.warnings.some((w) => w.code === 'LAUNCH_FILE_MISSING')).toBe(false);
    });

    it('SCORM 2004: external LOM metadata (adlcp:location) is read', async () => {
      const r = await inspectPackage(
        fx('scorm2004/golf-ContentPackagingMetadata_SCORM20043rdEdition.zip'),
      );
      expect(r.metadata?.title).toBe('Golf Explained');
      expect(r.description).toBeTruthy();
      expect(r.keywords.length).toBeGreaterThan(0);
    });

    it('IMS CC: LOM rights and lifecycle from the manifest', async () => {
      const r = await inspectPackage(fx('imscc/ccv-single-page.imscc'));
      expect(r.metadata?.rights?.description).toMatch(/Public Domain/);
      expect(r.metadata?.contributors[0]?.date).toBe('2018-09-13');
    });

    it('IMS CP: percent-encoded href matches the UTF-8 entry name stored without the UTF-8 flag', async () => {
      const r = await inspectPackage(fx('imscp/pyslet-package_1.zip'));
      expect(r.entryPoints[0].launch.href).toBe('英国.xml');
      expect(r.files.map((f) => f.path)).toContain('英国.xml');
      expect(r.warnings.some((w) => w.code === 'LAUNCH_FILE_MISSING')).toBe(false);
    });

    it('cmi5: AU attributes and query strings', async () => {
      const r = await inspectPackage(fx('cmi5/catapult-multi_au_framed.zip'));
      expect(r.entryPoints[0]).toMatchObject({
        type: 'au',
        moveOn: 'CompletedOrPassed',
        launchMethod: 'AnyWindow',
        launch: { href: 'index.html', parameters: '?pages=1&complete=launch', remote: false },
      });
      const pre = await inspectPackage(fx('cmi5/catapult-pre_post_test_framed.zip'));
      expect(pre.outlines[0].children.map((c) => c.kind)).toContain('block');
    });

    it('AICC is reported as unsupported with the reason', async () => {
      await expect(inspectPackage(fx('aicc/moodle-validaicc.zip'))).rejects.toMatchObject({
        details: { detected: 'aicc' },
      });
    });

    describe('bare cmi5.xml files zipped with stub launch pages', () => {
      const tmp = makeTempDir('cmi5-fixture-');
      afterAll(() => tmp.cleanup());

      it.each(CMI5_IN_PACKAGE)('%s', async (name) => {
        const xml = readFileSync(fx(`cmi5/catapult-lts/${name}`));
        const file = tmp.write(
          `${name}.zip`,
          buildRawZip([
            { name: 'cmi5.xml', data: xml },
            { name: 'index.html', data: Buffer.from('<title>x</title>') },
          ]),
        );
        const r = await inspectPackage(file);
        expect(r.format).toBe('cmi5');
        expect(r.title).toMatch(/^CATAPULT LMS Test Course: /);
        expect(r.entryPoints.length).toBeGreaterThanOrEqual(1);
        expect(r.entryPoints.every((e) => e.launch.href === 'index.html')).toBe(true);
        if (name.startsWith('003')) expect(r.entryPoints[0].launchMethod).toBe('OwnWindow');
        if (name.startsWith('004-3')) expect(r.entryPoints[0].moveOn).toBe('Passed');
        if (name.startsWith('001')) {
          expect(r.entryPoints[0]).toMatchObject({
            masteryScore: 0.9,
            moveOn: 'CompletedAndPassed',
            launchParameters: 'sample string',
            launch: { parameters: '?paramA=1&paramB=2' },
          });
          expect(shape(r.outlines)[0][2]).toBe(2);
        }
      });

      it('203-1 in a package without its launch file is refused', async () => {
        const xml = readFileSync(fx('cmi5/catapult-lts/203-1-relative-url-no-reference__cmi5.xml'));
        const file = tmp.write('203.zip', buildRawZip([{ name: 'cmi5.xml', data: xml }]));
        await expect(inspectPackage(file)).rejects.toMatchObject({
          code: 'PACKAGE_LAUNCH_FILE_MISSING',
        });
      });
    });
  });
});
