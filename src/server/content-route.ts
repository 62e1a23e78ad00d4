import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { NextFunction, Request, Response } from 'express';
import express, { type Router } from 'express';
import type { Readable } from 'node:stream';
import { verifyLaunchToken } from '../services/upload/launch-token';
import { contentTypeForPath } from '../services/upload/content-types';

/**
 * `GET /content/<token>/<path>`: serves files of an extracted courseware
 * package from S3 to a learner's browser. The token (see launch-token.ts)
 * grants one package for a short time, so relative links inside the package
 * resolve under the same prefix.
 *
 * Package HTML and JavaScript are third-party code. The hub uses no cookies
 * (bearer tokens only), and every answer carries a CSP `sandbox` without
 * `allow-same-origin`, so package scripts run in an opaque origin and cannot
 * read anything of the hub's origin. Production deployments should still
 * serve content from a separate, cookie-less origin (README, "Hosting
 * package content"), where a SCORM/cmi5 player can share the content's origin.
 */
export function contentRoute(deps: {
  s3: S3Client;
  bucket: string;
  secret: string;
  now?: () => Date;
}): Router {
  const router = express.Router();
  router.get(
    /^\/content\/([^/]+)\/(.+)$/,
    async (req: Request, res: Response, next: NextFunction) => {
      const params = req.params as unknown as Record<string, string>;
      const prefix = verifyLaunchToken(params[0], (deps.now ?? (() => new Date()))(), deps.secret);
      if (!prefix) {
        res
          .status(403)
          .type('text/plain; charset=utf-8')
          .send('链接无效或已过期 / link invalid or expired');
        return;
      }
      let path: string;
      try {
        path = decodeURIComponent(params[1]);
      } catch {
        res.status(400).end();
        return;
      }
      // Extraction refused unsafe names; refuse them here too rather than trust S3 key semantics.
      if (
        path.split('/').some((seg) => seg === '..' || seg === '.' || seg === '') ||
        path.includes('\\') ||
        path.includes('\0')
      ) {
        res.status(400).end();
        return;
      }
      try {
        const object = await deps.s3.send(
          new GetObjectCommand({ Bucket: deps.bucket, Key: prefix + path }),
        );
        res.status(200);
        res.setHeader(
          'Content-Type',
          object.ContentType && object.ContentType !== 'application/octet-stream'
            ? object.ContentType
            : contentTypeForPath(path),
        );
        if (object.ContentLength !== undefined)
          res.setHeader('Content-Length', String(object.ContentLength));
        res.setHeader('Cache-Control', 'private, max-age=300');
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Referrer-Policy', 'no-referrer');
        res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
        res.setHeader(
          'Content-Security-Policy',
          'sandbox allow-scripts allow-forms allow-popups allow-modals allow-downloads',
        );
        (object.Body as Readable).on('error', next).pipe(res);
      } catch (err) {
        const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata
          ?.httpStatusCode;
        if (status === 404 || (err as Error).name === 'NoSuchKey') {
          res.status(404).type('text/plain; charset=utf-8').send('文件不存在 / not found');
          return;
        }
        next(err);
      }
    },
  );
  return router;
}
