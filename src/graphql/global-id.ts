import { Types } from 'mongoose';
import { BadUserInputError } from '../errors/app-errors';

/** The node types that have global ids. */
export type NodeTypeName =
  | 'OrgUnit'
  | 'User'
  | 'Credential'
  | 'Resource'
  | 'Series'
  | 'Asset'
  | 'Adoption'
  | 'Upload'
  | 'IngestJob'
  | 'Package';

/**
 * Opaque global ids: base64url of `Type:objectIdHex`. Clients must not parse
 * them; the type prefix lets `node(id)` and argument checks reject an id of
 * the wrong kind instead of answering for another collection.
 */
export function toGlobalId(type: NodeTypeName, id: Types.ObjectId | string): string {
  const hex = typeof id === 'string' ? id : id.toHexString();
  return Buffer.from(`${type}:${hex}`, 'utf8').toString('base64url');
}

export function fromGlobalId(
  globalId: string,
  expected: NodeTypeName,
  field = 'id',
): Types.ObjectId {
  const bad = () =>
    new BadUserInputError(`无效的 ${expected} 标识 / invalid ${expected} id`, field);
  if (typeof globalId !== 'string' || globalId.length > 64 || !/^[A-Za-z0-9_-]+$/.test(globalId))
    throw bad();
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const [type, hex] = decoded.split(':');
  if (type !== expected || !hex || !/^[0-9a-f]{24}$/.test(hex)) throw bad();
  return new Types.ObjectId(hex);
}

/** Decodes an id that may be one of several types (e.g. a resource or a series). */
export function fromGlobalIdOf<T extends NodeTypeName>(
  globalId: string,
  types: readonly T[],
  field = 'id',
): { type: T; id: Types.ObjectId } {
  for (const type of types) {
    try {
      return { type, id: fromGlobalId(globalId, type, field) };
    } catch {
      // try the next type
    }
  }
  throw new BadUserInputError(`无效的标识 / invalid id (expected ${types.join(' or ')})`, field);
}
