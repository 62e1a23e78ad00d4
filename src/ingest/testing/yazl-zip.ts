import { createWriteStream } from 'node:fs';
import yazl from 'yazl';

/**
 * Writes a well-formed zip with yazl. Test support only (yazl is a dev
 * dependency; only spec files import this module).
 */
export async function writeYazlZip(
  filePath: string,
  entries: Array<{ name: string; data: Buffer | string; compress?: boolean }>,
): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    zip.addBuffer(typeof e.data === 'string' ? Buffer.from(e.data) : e.data, e.name, {
      compress: e.compress ?? true,
    });
  }
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(filePath);
    out.on('close', () => resolve());
    out.on('error', reject);
    zip.outputStream.on('error', reject).pipe(out);
  });
  return filePath;
}
