import { createReadStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';

/**
 * PUTs bytes [start, end) of a file to a presigned URL, streaming from disk
 * with an exact Content-Length (S3 refuses chunked uploads to presigned
 * URLs); returns the ETag. `onBytes` feeds the progress bar.
 */
export function putFileRange(
  url: string,
  filePath: string,
  start: number,
  end: number,
  onBytes: (n: number) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = (target.protocol === 'https:' ? https : http).request(target, {
      method: 'PUT',
      headers: { 'content-length': String(end - start) },
      timeout: 120_000,
    });
    req.on('timeout', () => req.destroy(new Error('upload timed out')));
    req.on('error', reject);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c.slice(0, 2000)));
      res.on('end', () => {
        const etag = res.headers.etag;
        if (res.statusCode === 200 && etag) resolve(etag);
        else reject(new Error(`storage answered ${res.statusCode}: ${body.slice(0, 300)}`));
      });
    });
    const file = end > start ? createReadStream(filePath, { start, end: end - 1 }) : null;
    if (!file) return req.end();
    file.on('data', (chunk) => onBytes(chunk.length));
    file.on('error', (err) => req.destroy(err));
    file.pipe(req);
  });
}
