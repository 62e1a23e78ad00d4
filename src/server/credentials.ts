import type { Request } from 'express';

/**
 * The secret a caller presents: `Authorization: Bearer <token or key>` or
 * `X-Api-Key: <key>`. Returns undefined for anonymous callers.
 */
export function presentedSecret(req: Request): string | undefined {
  const auth = req.header('authorization');
  if (auth) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return match ? match[1] : auth; // a malformed header is an invalid credential, not anonymity
  }
  const key = req.header('x-api-key');
  return key ? key.trim() : undefined;
}
