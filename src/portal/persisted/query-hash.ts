import { createHash } from 'node:crypto';

/**
 * The identity of an operation: SHA-256 of its exact query text, lower-case
 * hex, the same hash Apollo's automatic persisted queries use
 * (`extensions.persistedQuery.sha256Hash`), so a client computes it once for both.
 */
export function queryHash(query: string): string {
  return createHash('sha256').update(query, 'utf8').digest('hex');
}

/** A well-formed hash as clients send it. */
export function isQueryHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}
