import { open as openFile } from 'node:fs/promises';
import path from 'node:path';
import { IngestError, isIngestError } from './errors';
import { parseCmi5 } from './formats/cmi5.parser';
import type { FormatResult } from './formats/format-result';
import { findHtmlLaunch, parseHtml5 } from './formats/html5.parser';
import { parseImsCc } from './formats/imscc.parser';
import { parseImsCp } from './formats/imscp.parser';
import { findAiccDescriptor, findDescriptor, findRootPath, isJunkPath } from './formats/locate';
import { classifyManifest } from './formats/manifest-classifier';
import { createPackageContext, type PackageContext } from './formats/package-context';
import { parseScorm12 } from './formats/scorm12.parser';
import { parseScorm2004 } from './formats/scorm2004.parser';
import { parseTinCan } from './formats/xapi.parser';
import { type PackageLimits, resolveLimits } from './limits';
import type { InspectionWarning, PackageFile, PackageInspection } from './types';
import { parseSafeXml } from './xml/safe-xml';
import { SafeZipReader } from './zip/zip-reader';

/**
 * Inspects an uploaded courseware package without extracting it.
 *
 * Accepts a zip (SCORM 1.2, SCORM 2004, IMS CC, IMS CP, cmi5, xAPI/Tin Can,
 * plain HTML5, with the descriptor at the root or inside a single top-level
 * folder) or a bare cmi5 course-structure XML file. Only the manifest (and
 * external metadata / the HTML launch page) are decompressed, into memory
 * bounded by `limits.maxManifestBytes`.
 *
 * @throws IngestError with a PACKAGE_* code when the package is refused.
 */
export async function inspectPackage(
  filePath: string,
  limits?: Partial<PackageLimits>,
): Promise<PackageInspection> {
  const resolved = resolveLimits(limits);
  let zip: SafeZipReader;
  try {
    zip = await SafeZipReader.open(filePath, resolved);
  } catch (err) {
    if (isIngestError(err, 'PACKAGE_NOT_A_ZIP')) {
      const bare = await inspectBareCourseStructure(filePath, resolved);
      if (bare) return bare;
    }
    throw err;
  }
  try {
    return await inspectZip(zip, path.basename(filePath));
  } finally {
    zip.close();
  }
}

async function inspectZip(zip: SafeZipReader, fileName: string): Promise<PackageInspection> {
  const warnings: InspectionWarning[] = [];
  const all = zip.files;
  const junk = all.filter((f) => isJunkPath(f.name));
  const kept = all.filter((f) => !isJunkPath(f.name));
  if (junk.length > 0) {
    warnings.push({
      code: 'JUNK_FILES_IGNORED',
      message: `${junk.length} archiver artefact(s) (__MACOSX/, .DS_Store, …) were ignored`,
    });
  }
  const names = kept.map((f) => f.name);
  const ctx = createPackageContext(names, (p) => zip.readBuffer(p), warnings);
  const rootPath = findRootPath(names);
  const fallbackTitle = fileName.replace(/\.(zip|imscc)$/i, '');
  const result = await detectAndParse(zip, names, rootPath, ctx, fallbackTitle);
  const files: PackageFile[] = kept.map((f) => ({
    path: f.name,
    size: f.size,
    compressedSize: f.compressedSize,
  }));
  return {
    ...result,
    rootPath,
    warnings,
    files,
    totalSize: files.reduce((s, f) => s + f.size, 0),
  };
}

async function detectAndParse(
  zip: SafeZipReader,
  names: string[],
  rootPath: string,
  ctx: PackageContext,
  fallbackTitle: string,
): Promise<FormatResult> {
  const descriptor = findDescriptor(names, rootPath);
  if (descriptor) {
    const xml = parseSafeXml(await zip.readBuffer(descriptor.path), descriptor.path);
    if (descriptor.kind === 'cmi5') return parseCmi5(xml, descriptor.path, ctx, ctx.warn);
    if (descriptor.kind === 'tincan') return parseTinCan(xml, descriptor.path, ctx);
    if (xml.local !== 'manifest') {
      throw new IngestError(
        'PACKAGE_MANIFEST_INVALID',
        'imsmanifest.xml 的根元素不是 <manifest>',
        `imsmanifest.xml root element is <${xml.qname}>, expected <manifest>`,
      );
    }
    const cls = classifyManifest(xml);
    switch (cls.format) {
      case 'scorm12':
        return parseScorm12(xml, descriptor.path, ctx, cls, fallbackTitle);
      case 'scorm2004':
        return parseScorm2004(xml, descriptor.path, ctx, cls, fallbackTitle);
      case 'imscc':
        return parseImsCc(xml, descriptor.path, ctx, cls, fallbackTitle);
      default:
        return parseImsCp(xml, descriptor.path, ctx, cls, fallbackTitle);
    }
  }
  const aicc = findAiccDescriptor(names, rootPath);
  if (aicc) {
    throw new IngestError(
      'PACKAGE_UNKNOWN_FORMAT',
      '暂不支持 AICC 格式的课件，请导出为 SCORM、cmi5 或 HTML5',
      `AICC packages are not supported (found "${aicc}"); export the course as SCORM, cmi5 or HTML5`,
      { detected: 'aicc', file: aicc },
    );
  }
  const launch = findHtmlLaunch(names, rootPath, ctx);
  if (launch) return parseHtml5(launch, ctx, fallbackTitle);
  throw new IngestError(
    'PACKAGE_UNKNOWN_FORMAT',
    '无法识别课件格式：未找到 imsmanifest.xml、cmi5.xml、tincan.xml 或 index.html',
    'Unknown package format: no imsmanifest.xml, cmi5.xml, tincan.xml or index.html found',
    { rootPath },
  );
}

/**
 * A cmi5 course structure may be imported on its own (all AU urls absolute).
 * Returns undefined when the file is not such an XML document.
 */
async function inspectBareCourseStructure(
  filePath: string,
  limits: PackageLimits,
): Promise<PackageInspection | undefined> {
  const fh = await openFile(filePath, 'r');
  let head: Buffer;
  let size: number;
  try {
    size = (await fh.stat()).size;
    const probe = Buffer.alloc(Math.min(size, 4096));
    await fh.read(probe, 0, probe.length, 0);
    const text = probe.toString('utf8').replace(/^\uFEFF/, '');
    if (!/^\s*<(\?xml|courseStructure|!--)/.test(text) || !/<courseStructure\b/.test(text))
      return undefined;
    if (size > limits.maxManifestBytes) {
      throw new IngestError(
        'PACKAGE_MANIFEST_TOO_LARGE',
        '课程结构文件过大',
        `Course structure file is larger than ${limits.maxManifestBytes} bytes`,
      );
    }
    head = Buffer.alloc(size);
    await fh.read(head, 0, size, 0);
  } finally {
    await fh.close();
  }
  const name = path.basename(filePath);
  const warnings: InspectionWarning[] = [];
  const ctx = createPackageContext([], () => Promise.reject(new Error('no package')), warnings);
  const result = parseCmi5(parseSafeXml(head, name), name, null, ctx.warn);
  return { ...result, manifestPath: undefined, rootPath: '', warnings, files: [], totalSize: 0 };
}
