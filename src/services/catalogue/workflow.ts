import type { ResourceStatus } from '../../models/catalogue/vocabulary';

/**
 * The review workflow shared by resources and series: authors submit drafts,
 * curators of the owning unit or above publish or send back, published items
 * can be archived. Anything else is an INVALID_TRANSITION.
 */
export type Transition = 'SUBMIT' | 'PUBLISH' | 'SEND_BACK' | 'ARCHIVE';

export const TRANSITIONS: Record<
  Transition,
  { from: ResourceStatus[]; to: ResourceStatus; action: 'content.author' | 'content.review' }
> = {
  SUBMIT: { from: ['DRAFT'], to: 'IN_REVIEW', action: 'content.author' },
  PUBLISH: { from: ['IN_REVIEW'], to: 'PUBLISHED', action: 'content.review' },
  SEND_BACK: { from: ['IN_REVIEW'], to: 'DRAFT', action: 'content.review' },
  ARCHIVE: { from: ['PUBLISHED'], to: 'ARCHIVED', action: 'content.review' },
};

export const REVIEW_DENIED =
  '只有所属单位或上级单位的审核员可以审核 / only curators of the owning unit or above may review';
export const AUTHOR_DENIED =
  '只有所属单位的作者可以操作 / only authors of the owning unit may do this';

/** The history entry's field changes between a document and a patch (values as JSON text). */
export function diffFields(
  doc: object,
  patch: object,
): Array<{ field: string; oldValue: string | null; newValue: string | null }> {
  const before = doc as Record<string, unknown>;
  return Object.entries(patch)
    .filter(
      ([field, value]) => JSON.stringify(value ?? null) !== JSON.stringify(before[field] ?? null),
    )
    .map(([field, value]) => ({
      field,
      oldValue: JSON.stringify(before[field] ?? null),
      newValue: JSON.stringify(value ?? null),
    }));
}
