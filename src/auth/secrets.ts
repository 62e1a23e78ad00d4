import { createHash, randomBytes } from 'node:crypto';

/** Prefixes make leaked secrets recognisable to secret scanners and to people. */
export const SECRET_PREFIX = { PERSONAL_TOKEN: 'sxlp_pat_', API_KEY: 'sxlp_key_' } as const;

export function newSecret(kind: keyof typeof SECRET_PREFIX): string {
  return SECRET_PREFIX[kind] + randomBytes(24).toString('base64url');
}

/**
 * Secrets are 192 random bits, so a plain SHA-256 is enough: there is nothing
 * to brute-force that a slow hash would protect, and lookups stay one indexed
 * equality match.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function displayPrefix(secret: string): string {
  return secret.slice(0, 13);
}
