import { Types } from 'mongoose';
import { can, canSeeContent } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import {
  BadUserInputError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  UnauthenticatedError,
} from '../../errors/app-errors';
import type { AdoptableType, AdoptionDoc } from '../../models/catalogue/adoption.model';
import type { AdoptionRepository } from '../../models/catalogue/adoption.repository';
import type { ResourceRepository } from '../../models/catalogue/resource.repository';
import type { SeriesRepository } from '../../models/catalogue/series.repository';
import type { OrgUnitRepository } from '../../models/org-unit/org-unit.repository';
import { OrgUnitService } from '../org-unit/org-unit.service';
import type { CatalogueEvents } from './catalogue-events';
import { contentRefOf } from './content-ref';

export interface AdoptionUpdate {
  adoption: AdoptionDoc;
  currentVersion: number;
}

/**
 * Adoption: a unit takes another unit's published resource or series into its
 * own catalogue. Nothing is copied and attribution stays with the owner, who
 * sees who adopted it; adopters are told when a newer version is published.
 */
export class AdoptionService {
  constructor(
    private readonly adoptions: AdoptionRepository,
    private readonly resources: ResourceRepository,
    private readonly series: SeriesRepository,
    private readonly units: OrgUnitRepository,
    private readonly events: CatalogueEvents = { changed: () => undefined },
  ) {}

  /** Idempotent: adopting again returns the existing adoption. */
  async adopt(
    viewer: Viewer,
    itemType: AdoptableType,
    itemId: Types.ObjectId,
  ): Promise<AdoptionDoc> {
    const { unit, actor } = await this.reuser(viewer);
    const item = await this.visibleItem(viewer, itemType, itemId);
    if (item.status !== 'PUBLISHED')
      throw new InvalidTransitionError(
        '只能采用已发布的内容 / only published items can be adopted',
        { from: item.status },
      );
    if (item.ownerUnitId.equals(unit._id))
      throw new BadUserInputError('本单位的内容无需采用 / your unit already owns this', 'id');
    const { adoption } = await this.adoptions.insertOnce({
      unitId: unit._id,
      itemType,
      itemId: item._id,
      itemOwnerUnitId: item.ownerUnitId,
      adoptedBy: actor,
      adoptedVersion: item.publishedVersion ?? item.version,
      seenVersion: item.publishedVersion ?? item.version,
    });
    this.events.changed({ type: itemType, id: adoption.itemId.toHexString(), reason: 'ADOPTION' });
    return adoption;
  }

  /** Removes the viewer's unit's adoption; true when there was one. */
  async unadopt(viewer: Viewer, itemId: Types.ObjectId): Promise<boolean> {
    const { unit } = await this.reuser(viewer);
    const removed = await this.adoptions.remove(unit._id, itemId);
    if (removed) {
      const type = (await this.series.findById(itemId)) ? 'SERIES' : 'RESOURCE';
      this.events.changed({ type, id: itemId.toHexString(), reason: 'ADOPTION' });
    }
    return removed;
  }

  /** Adoptions of the viewer's unit whose item has since published a newer version. */
  async updates(viewer: Viewer): Promise<AdoptionUpdate[]> {
    if (viewer.kind !== 'user') throw new UnauthenticatedError('请先登录 / sign in first');
    const adoptions = await this.adoptions.allByUnit(new Types.ObjectId(viewer.unitId));
    const resourceIds = adoptions.filter((a) => a.itemType === 'RESOURCE').map((a) => a.itemId);
    const seriesIds = adoptions.filter((a) => a.itemType === 'SERIES').map((a) => a.itemId);
    const [resources, series] = await Promise.all([
      this.resources.findByIds(resourceIds),
      this.series.findByIds(seriesIds),
    ]);
    const current = new Map<string, number | null>(
      [...resources, ...series].map((d) => [d._id.toHexString(), d.publishedVersion]),
    );
    return adoptions
      .map((adoption) => ({
        adoption,
        currentVersion: current.get(adoption.itemId.toHexString()) ?? 0,
      }))
      .filter((u) => u.currentVersion > u.adoption.seenVersion);
  }

  /** Marks an update notice as seen. */
  async acknowledge(viewer: Viewer, adoptionId: Types.ObjectId): Promise<AdoptionDoc> {
    const { unit } = await this.reuser(viewer);
    const adoption = await this.adoptions.findById(adoptionId);
    if (!adoption || !adoption.unitId.equals(unit._id))
      throw new NotFoundError('找不到该采用记录 / adoption not found');
    const item =
      adoption.itemType === 'RESOURCE'
        ? await this.resources.findById(adoption.itemId)
        : await this.series.findById(adoption.itemId);
    const version = item?.publishedVersion ?? adoption.seenVersion;
    await this.adoptions.markSeen(adoption._id, version);
    return { ...adoption, seenVersion: version };
  }

  private async visibleItem(viewer: Viewer, type: AdoptableType, id: Types.ObjectId) {
    const item =
      type === 'RESOURCE' ? await this.resources.findById(id) : await this.series.findById(id);
    if (!item || !canSeeContent(viewer, contentRefOf(item)))
      throw new NotFoundError('找不到该内容 / item not found');
    return item;
  }

  private async reuser(viewer: Viewer) {
    if (viewer.kind !== 'user') throw new UnauthenticatedError('请先登录 / sign in first');
    const unit = await this.units.findById(new Types.ObjectId(viewer.unitId));
    if (!unit) throw new NotFoundError('找不到所属单位 / your unit was not found');
    if (!can(viewer, 'content.reuse', OrgUnitService.toRef(unit))) {
      throw new ForbiddenError(
        '只有本单位的审核员或管理员可以采用内容 / only curators or admins of your unit may adopt',
      );
    }
    return { unit, actor: new Types.ObjectId(viewer.userId) };
  }
}
