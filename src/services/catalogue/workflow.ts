import { BadUserInputError, InvalidTransitionError } from '../../errors/app-errors';
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

export interface TransitionPlan {
  set: {
    status: ResourceStatus;
    reviewComment?: string | null;
    publishedAt?: Date;
    publishedVersion?: number;
  };
  changes: Array<{ field: string; oldValue: string | null; newValue: string | null }>;
  comment: string | null;
}

/**
 * Checks a workflow step against the item's status and plans the change:
 * the fields to set and the history entry. Pure, shared by resources and
 * series; the caller has already checked who may take the step.
 */
export function planTransition(
  item: { status: ResourceStatus; noun: string },
  transition: Transition,
  expectedVersion: number,
  comment: string | undefined,
  now: Date,
): TransitionPlan {
  const rule = TRANSITIONS[transition];
  if (!rule.from.includes(item.status)) {
    throw new InvalidTransitionError(
      `不能从 ${item.status} 执行 ${transition} / cannot ${transition} a ${item.noun} that is ${item.status}`,
      { from: item.status, transition },
    );
  }
  const trimmed = comment?.trim() || null;
  if (transition === 'SEND_BACK' && !trimmed) {
    throw new BadUserInputError(
      '退回时请填写意见 / a comment is required when sending back',
      'comment',
    );
  }
  if (trimmed && trimmed.length > 2000) {
    throw new BadUserInputError(
      '意见最多 2000 个字符 / comment is limited to 2000 characters',
      'comment',
    );
  }
  const set: TransitionPlan['set'] = { status: rule.to };
  if (transition === 'SEND_BACK') set.reviewComment = trimmed;
  if (transition === 'PUBLISH')
    Object.assign(set, {
      publishedAt: now,
      publishedVersion: expectedVersion + 1,
      reviewComment: null,
    });
  return {
    set,
    changes: [
      { field: 'status', oldValue: JSON.stringify(item.status), newValue: JSON.stringify(rule.to) },
    ],
    comment: trimmed,
  };
}
