import type { ContentRef, Visibility } from '../../auth/policy';

/** What the policy needs of a resource or series to decide who sees it. */
export function contentRefOf(doc: {
  visibility: string;
  status: string;
  ownerUnitId: { toHexString(): string };
  ownerPath: Array<{ toHexString(): string }>;
}): ContentRef {
  return {
    visibility: doc.visibility as Visibility,
    published: doc.status === 'PUBLISHED',
    ownerUnitId: doc.ownerUnitId.toHexString(),
    ownerPath: doc.ownerPath.map((p) => p.toHexString()),
  };
}
