import type { OrgUnitDoc } from '../../models/org-unit/org-unit.model';
import { toGlobalId } from '../../graphql/global-id';
import { buildConnection, encodeCursor } from '../common/cursor';
import { LEVEL_LABELS, OrgLevelEnum, OrgUnit, OrgUnitConnection } from './org-unit.type';
import type { OrgUnitPage } from '../../services/org-unit/org-unit.service';

export function mapOrgUnit(doc: OrgUnitDoc): OrgUnit {
  const unit = new OrgUnit();
  unit.id = toGlobalId('OrgUnit', doc._id);
  unit.internalId = doc._id.toHexString();
  unit.parentInternalId = doc.parentId ? doc.parentId.toHexString() : null;
  unit.ancestorInternalIds = doc.ancestorIds.map((a) => a.toHexString());
  unit.code = doc.code;
  unit.name = doc.name;
  unit.regionName = doc.regionName;
  unit.level = doc.level as OrgLevelEnum;
  unit.levelLabel = LEVEL_LABELS[doc.level];
  unit.depth = doc.ancestorIds.length;
  return unit;
}

export function mapOrgUnitPage(page: OrgUnitPage, hadCursor: boolean): OrgUnitConnection {
  return Object.assign(
    new OrgUnitConnection(),
    buildConnection(page, (doc) => encodeCursor({ code: doc.code }), mapOrgUnit, hadCursor),
  );
}
