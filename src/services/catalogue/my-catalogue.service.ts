import { Types } from 'mongoose';
import { visibilityScope } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { UnauthenticatedError } from '../../errors/app-errors';
import type { AdoptionDoc } from '../../models/catalogue/adoption.model';
import type { AdoptionRepository } from '../../models/catalogue/adoption.repository';
import type { ResourceDoc } from '../../models/catalogue/resource.model';
import type { ResourceRepository } from '../../models/catalogue/resource.repository';
import { visibilityQuery } from '../../models/catalogue/visibility-query';

export interface CatalogueCounts {
  own: number;
  adopted: number;
  forkedFromMine: number;
  adoptedFromMine: number;
}

/**
 * A unit's view of its catalogue: what it owns, what it adopted, and how
 * others reuse its work (forks of its resources, adoptions of its items).
 */
export class MyCatalogueService {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly adoptions: AdoptionRepository,
  ) {}

  private unitOf(viewer: Viewer): Types.ObjectId {
    if (viewer.kind !== 'user') throw new UnauthenticatedError('请先登录 / sign in first');
    return new Types.ObjectId(viewer.unitId);
  }

  async counts(viewer: Viewer): Promise<CatalogueCounts> {
    const unitId = this.unitOf(viewer);
    const [own, adopted, forkedFromMine, adoptedFromMine] = await Promise.all([
      this.resources.count({ ownerUnitId: unitId }),
      this.adoptions.countByUnit(unitId),
      this.resources.count(this.forksQuery(viewer, unitId)),
      this.adoptions.countOfOwner(unitId),
    ]);
    return { own, adopted, forkedFromMine, adoptedFromMine };
  }

  adopted(viewer: Viewer, first: number, offset: number): Promise<AdoptionDoc[]> {
    return this.adoptions.byUnit(this.unitOf(viewer), first, offset);
  }

  adoptedFromMine(viewer: Viewer, first: number, offset: number): Promise<AdoptionDoc[]> {
    return this.adoptions.ofOwner(this.unitOf(viewer), first, offset);
  }

  /** Forks of my unit's resources that I may see (other units' drafts stay theirs). */
  async forkedFromMine(
    viewer: Viewer,
    first: number,
    after?: { value: number; id: string },
  ): Promise<{ nodes: ResourceDoc[]; hasNextPage: boolean }> {
    const rows = await this.resources.page({
      filter: this.forksQuery(viewer, this.unitOf(viewer)),
      sortField: 'updatedAt',
      direction: -1,
      after,
      limit: first,
    });
    return { nodes: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  private forksQuery(viewer: Viewer, unitId: Types.ObjectId) {
    return {
      $and: [
        visibilityQuery<ResourceDoc>(visibilityScope(viewer)),
        { derivedFromOwnerUnitId: unitId },
      ],
    };
  }
}
