import type { Role } from '../models/user/user.model';

/**
 * Who is asking. Unit ids are hex strings; `unitPath` is the viewer unit's
 * ancestors, province first, followed by the unit itself.
 */
export type Viewer = AnonymousViewer | UserViewer | PortalViewer;

export interface AnonymousViewer {
  kind: 'anonymous';
}

export interface UserViewer {
  kind: 'user';
  userId: string;
  credentialId: string;
  unitId: string;
  unitPath: string[];
  roles: Role[];
}

/** A third-party portal using an API key: read-only, public scope or one unit's scope. */
export interface PortalViewer {
  kind: 'portal';
  credentialId: string;
  scope: 'PUBLIC' | 'UNIT';
  /** Set when scope is UNIT: the portal reads as that unit sees the catalogue. */
  unitId?: string;
  unitPath?: string[];
}

export const ANONYMOUS: AnonymousViewer = { kind: 'anonymous' };

/** The unit whose view of the catalogue the viewer has, if any. */
export function viewerUnit(viewer: Viewer): { unitId: string; unitPath: string[] } | undefined {
  if (viewer.kind === 'user') return { unitId: viewer.unitId, unitPath: viewer.unitPath };
  if (viewer.kind === 'portal' && viewer.scope === 'UNIT' && viewer.unitId && viewer.unitPath) {
    return { unitId: viewer.unitId, unitPath: viewer.unitPath };
  }
  return undefined;
}
