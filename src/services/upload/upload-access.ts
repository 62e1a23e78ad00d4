import { Types } from 'mongoose';
import { can } from '../../auth/policy';
import type { UserViewer, Viewer } from '../../auth/viewer';
import { NotFoundError, UnauthenticatedError } from '../../errors/app-errors';

/** What access checks need of an upload or a job: the owning unit's path. */
export interface UnitOwned {
  unitPath: Types.ObjectId[];
  createdBy: Types.ObjectId;
}

const refOf = (doc: UnitOwned) => {
  const path = doc.unitPath.map((id) => id.toHexString());
  return { id: path[path.length - 1], ancestorIds: path.slice(0, -1) };
};

export function requireUser(viewer: Viewer): UserViewer {
  if (viewer.kind !== 'user') throw new UnauthenticatedError('请先登录 / sign in first');
  return viewer;
}

/**
 * Uploads and jobs are internal to their unit: people of the unit and of the
 * units above it see them; nobody else learns they exist (NOT_FOUND).
 */
export function assertCanSee(viewer: Viewer, doc: UnitOwned | null, what: string): void {
  const user = requireUser(viewer);
  if (!doc || !can(user, 'content.readInternal', refOf(doc)))
    throw new NotFoundError(`找不到该${what === 'upload' ? '上传' : '任务'} / ${what} not found`);
}

/** Only the uploader may send bytes, report parts, complete or abort (they hold the presigned URLs). */
export function isUploader(viewer: Viewer, doc: UnitOwned): boolean {
  return viewer.kind === 'user' && doc.createdBy.toHexString() === viewer.userId;
}

export function canAuthorFor(viewer: Viewer, doc: UnitOwned): boolean {
  return viewer.kind === 'user' && can(viewer, 'content.author', refOf(doc));
}
