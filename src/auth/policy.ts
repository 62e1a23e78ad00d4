import type { Role } from '../models/user/user.model';
import { viewerUnit, type Viewer } from './viewer';

/**
 * The one place that decides what a viewer may see and do. Resolvers,
 * services and the search filter all ask it; nothing re-derives these rules.
 *
 * Rules are stated in terms of the organisation tree. "Relation" is the
 * viewer's unit seen from the target unit:
 * - SELF: the same unit;
 * - ANCESTOR: the viewer's unit is above the target (a city over its counties);
 * - DESCENDANT: the viewer's unit is below the target;
 * - SIBLING: both share a parent;
 * - UNRELATED: anything else.
 */
export type Relation = 'SELF' | 'ANCESTOR' | 'DESCENDANT' | 'SIBLING' | 'UNRELATED';

/** A unit as the policy needs it: its id and its ancestors' ids (province first). */
export interface UnitRef {
  id: string;
  ancestorIds: readonly string[];
}

export type UnitAction =
  /** Manage the unit's people, personal tokens and portal API keys. */
  | 'unit.administer'
  /** Create and edit drafts owned by the unit. */
  | 'content.author'
  /** Publish, send back and archive the unit's content. */
  | 'content.review'
  /** Adopt or fork shared content into the unit's own catalogue. */
  | 'content.reuse'
  /** See content the unit has not made public (its PRIVATE items and drafts). */
  | 'content.readInternal';

/**
 * Who may do what, by role and relation. An admin of a city administers its
 * counties and below, never its siblings or its parent; a curator reviews its
 * own unit and everything below; authoring and reuse act for one's own unit.
 */
const GRANTS: Record<UnitAction, { roles: readonly Role[]; relations: readonly Relation[] }> = {
  'unit.administer': { roles: ['ADMIN'], relations: ['SELF', 'ANCESTOR'] },
  'content.author': { roles: ['AUTHOR', 'CURATOR'], relations: ['SELF'] },
  'content.review': { roles: ['CURATOR'], relations: ['SELF', 'ANCESTOR'] },
  'content.reuse': { roles: ['CURATOR', 'ADMIN'], relations: ['SELF'] },
  'content.readInternal': {
    roles: ['ADMIN', 'CURATOR', 'AUTHOR', 'MEMBER'],
    relations: ['SELF', 'ANCESTOR'],
  },
};

export function relationOf(viewerUnitPath: readonly string[], target: UnitRef): Relation {
  const viewerUnitId = viewerUnitPath[viewerUnitPath.length - 1];
  if (viewerUnitId === target.id) return 'SELF';
  if (target.ancestorIds.includes(viewerUnitId)) return 'ANCESTOR';
  if (viewerUnitPath.includes(target.id)) return 'DESCENDANT';
  const viewerParent = viewerUnitPath[viewerUnitPath.length - 2];
  const targetParent = target.ancestorIds[target.ancestorIds.length - 1];
  if (viewerParent !== undefined && viewerParent === targetParent) return 'SIBLING';
  return 'UNRELATED';
}

/** Whether the viewer may perform `action` on the unit `target`. Portals never act. */
export function can(viewer: Viewer, action: UnitAction, target: UnitRef): boolean {
  if (viewer.kind !== 'user') {
    // A unit-scoped portal reads as its unit sees things, and does nothing else.
    if (action !== 'content.readInternal') return false;
    const unit = viewerUnit(viewer);
    if (!unit) return false;
    return GRANTS[action].relations.includes(relationOf(unit.unitPath, target));
  }
  const grant = GRANTS[action];
  if (!viewer.roles.some((role) => grant.roles.includes(role))) return false;
  return grant.relations.includes(relationOf(viewer.unitPath, target));
}

export const VISIBILITIES = ['PRIVATE', 'SUBTREE', 'PROVINCE', 'PUBLIC'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** What the policy needs to know of a catalogue item to decide who sees it. */
export interface ContentRef {
  visibility: Visibility;
  /** Whether the item is published (drafts, items in review and archived items are internal). */
  published: boolean;
  ownerUnitId: string;
  /** Owner's ancestors, province first, then the owner. */
  ownerPath: readonly string[];
}

/**
 * Whether the viewer may see a catalogue item.
 * - Internal readers of the owning unit (its people and the units above it) see everything it owns.
 * - Published items: PUBLIC to everyone, PROVINCE to every signed-in unit (and
 *   unit-scoped portals), SUBTREE to the owner's descendants too, PRIVATE to no one else.
 */
export function canSeeContent(viewer: Viewer, item: ContentRef): boolean {
  const unit = viewerUnit(viewer);
  const inOwnLine = unit !== undefined && item.ownerPath.includes(unit.unitId);
  // People of the owning unit and above see its drafts too; a unit-scoped
  // portal is a public face of the unit, so it sees only what is published.
  if (inOwnLine && viewer.kind === 'user') return true;
  if (!item.published) return false;
  if (inOwnLine) return true;
  switch (item.visibility) {
    case 'PUBLIC':
      return true;
    case 'PROVINCE':
      return unit !== undefined;
    case 'SUBTREE':
      return unit !== undefined && unit.unitPath.includes(item.ownerUnitId);
    case 'PRIVATE':
      return false;
  }
}

/**
 * The same rule as {@link canSeeContent}, as data, so that database queries
 * and the search engine apply it inside their filters (counts and pages then
 * never include what the viewer cannot see). Translated by
 * `models/.../visibility-query.ts` and `search/visibility-filter.ts`.
 */
export interface VisibilityScope {
  /** Published items of these visibilities are visible. */
  publishedVisibilities: Visibility[];
  /** Published SUBTREE items owned by one of these units are visible. */
  subtreeOwnerIds: string[];
  /** Published items whose ownerPath contains this unit are visible, whatever their visibility. */
  lineUnitId?: string;
  /** Everything whose ownerPath contains this unit is visible, drafts included (people of the unit). */
  internalUnitId?: string;
}

export function visibilityScope(viewer: Viewer): VisibilityScope {
  const unit = viewerUnit(viewer);
  if (!unit) return { publishedVisibilities: ['PUBLIC'], subtreeOwnerIds: [] };
  return {
    publishedVisibilities: ['PUBLIC', 'PROVINCE'],
    subtreeOwnerIds: unit.unitPath,
    lineUnitId: unit.unitId,
    internalUnitId: viewer.kind === 'user' ? unit.unitId : undefined,
  };
}
