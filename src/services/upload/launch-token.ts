import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Launch tokens for package content served by the hub at
 * `/content/<token>/<path inside the package>`. The token signs the
 * package's content prefix and an expiry, not a single file, so the page's
 * relative links (scripts, images, other SCOs) resolve under the same token,
 * which a per-object presigned S3 URL cannot do.
 */
const PREFIX = /^packages\/[0-9a-f]{64}\/$/;

export function signLaunchToken(contentPrefix: string, expiresAt: Date, secret: string): string {
  if (!PREFIX.test(contentPrefix))
    throw new Error(`not a package content prefix: ${contentPrefix}`);
  const sha = contentPrefix.slice('packages/'.length, -1);
  const exp = Math.floor(expiresAt.getTime() / 1000).toString(36);
  return `${sha}.${exp}.${mac(`${sha}.${exp}`, secret)}`;
}

/** The content prefix a token grants, or null when it is forged, malformed or expired. */
export function verifyLaunchToken(token: string, now: Date, secret: string): string | null {
  const m = /^([0-9a-f]{64})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const [, sha, exp, sig] = m;
  const expected = Buffer.from(mac(`${sha}.${exp}`, secret));
  if (!timingSafeEqual(expected, Buffer.from(sig))) return null;
  if (parseInt(exp, 36) * 1000 <= now.getTime()) return null;
  return `packages/${sha}/`;
}

function mac(data: string, secret: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}
