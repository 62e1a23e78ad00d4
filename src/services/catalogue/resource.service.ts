import { Types, type FilterQuery } from 'mongoose';
import { can, canSeeContent, visibilityScope } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  LicenseForbidsError,
  NotFoundError,
  UnauthenticatedError,
} from '../../errors/app-errors';
import type { CatalogueHistoryDoc } from '../../models/catalogue/catalogue-history.model';
import type { ResourceDoc } from '../../models/catalogue/resource.model';
import type { SeriesRepository } from '../../models/catalogue/series.repository';
import type {
  ResourceRepository,
  ResourceSortField,
} from '../../models/catalogue/resource.repository';
import { visibilityQuery } from '../../models/catalogue/visibility-query';
import {
  LICENSES,
  type Audience,
  type Category,
  type License,
  type ResourceKind,
  type ResourceStatus,
} from '../../models/catalogue/vocabulary';
import type { OrgUnitRepository } from '../../models/org-unit/org-unit.repository';
import { OrgUnitService } from '../org-unit/org-unit.service';
import {
  checkResourceFields,
  type ResourceFields,
  type ResourceFieldsPatch,
} from './resource-input';
import type { CatalogueEvents } from './catalogue-events';
import { contentRefOf } from './content-ref';
import { idForCreate } from './idempotency';
import { TRANSITIONS, diffFields, planTransition, type Transition } from './workflow';

export interface ResourceListFilter {
  kinds?: ResourceKind[];
  statuses?: ResourceStatus[];
  ownerUnitId?: Types.ObjectId;
  withinUnitId?: Types.ObjectId;
  /** Only episodes of this series (which the viewer must be able to see). */
  seriesId?: Types.ObjectId;
  categories?: Category[];
  audiences?: Audience[];
  licenses?: License[];
  language?: string;
  updatedFrom?: Date;
  updatedTo?: Date;
}

export interface ResourcePageArgs {
  filter: ResourceListFilter;
  sortField: ResourceSortField;
  direction: 1 | -1;
  first: number;
  after?: { value: number; id: string };
}

export interface ResourcePage {
  nodes: ResourceDoc[];
  hasNextPage: boolean;
  count: () => Promise<number>;
}

/**
 * The catalogue's resources: create, edit, review workflow, and reads that
 * only ever return what the viewer may see (invisible = NOT_FOUND).
 */
export class ResourceService {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly units: OrgUnitRepository,
    private readonly now: () => Date = () => new Date(),
    private readonly events: CatalogueEvents = { changed: () => undefined },
    private readonly series?: SeriesRepository,
  ) {}

  /** One resource the viewer may see, or NOT_FOUND (never FORBIDDEN: existence is not leaked). */
  async get(viewer: Viewer, id: Types.ObjectId): Promise<ResourceDoc> {
    const doc = await this.resources.findById(id);
    if (!doc || !canSeeContent(viewer, contentRefOf(doc)))
      throw new NotFoundError('找不到该资源 / resource not found');
    return doc;
  }

  async page(viewer: Viewer, args: ResourcePageArgs): Promise<ResourcePage> {
    const filter = this.listQuery(viewer, args.filter);
    if (args.filter.seriesId) {
      const series = await this.series?.findById(args.filter.seriesId);
      if (!series || !canSeeContent(viewer, contentRefOf(series))) {
        throw new NotFoundError('找不到该系列 / series not found');
      }
      filter.$and!.push({ _id: { $in: series.episodeIds } });
    }
    const rows = await this.resources.page({
      filter,
      sortField: args.sortField,
      direction: args.direction,
      after: args.after,
      limit: args.first,
    });
    return {
      nodes: rows.slice(0, args.first),
      hasNextPage: rows.length > args.first,
      count: () => this.resources.count(filter),
    };
  }

  async history(viewer: Viewer, id: Types.ObjectId, limit: number): Promise<CatalogueHistoryDoc[]> {
    const doc = await this.get(viewer, id);
    return this.resources.history(doc._id, limit);
  }

  /**
   * Creates a DRAFT owned by the author's unit (or a unit given explicitly,
   * where the viewer may author). With an idempotency key, repeating the same
   * request returns the same resource, however many times and in parallel.
   */
  async create(
    viewer: Viewer,
    input: {
      kind: ResourceKind;
      ownerUnitId?: Types.ObjectId;
      idempotencyKey?: string;
    } & ResourceFieldsPatch,
    derivedFrom?: ResourceDoc,
  ): Promise<ResourceDoc> {
    if (viewer.kind !== 'user') throw new UnauthenticatedError('请先登录 / sign in first');
    const ownerId = input.ownerUnitId ?? new Types.ObjectId(viewer.unitId);
    const owner = await this.units.findById(ownerId);
    if (!owner) throw new BadUserInputError('找不到所属单位 / owner unit not found', 'ownerUnitId');
    if (!can(viewer, 'content.author', OrgUnitService.toRef(owner))) {
      throw new ForbiddenError(
        '只有本单位的作者可以创建资源 / only authors of the unit may create resources',
      );
    }
    const { idempotencyKey, ownerUnitId: _owner, kind, ...rest } = input;
    const fields = checkResourceFields(
      kind,
      { license: 'CC_BY_NC', visibility: 'PRIVATE', language: 'zh-CN', ...rest },
      true,
    ) as ResourceFields;

    const id = await idForCreate(this.resources, {
      userId: viewer.userId,
      idempotencyKey,
      request: { kind, ownerId, fields, from: derivedFrom?._id },
      now: this.now(),
    });

    const now = this.now();
    const actor = new Types.ObjectId(viewer.userId);
    // Inserting with the claimed id makes every retry converge on one document.
    await this.resources.insertOnce({
      _id: id,
      kind,
      ...fields,
      subtitle: fields.subtitle ?? null,
      summary: fields.summary ?? null,
      description: fields.description ?? null,
      keywords: fields.keywords ?? [],
      categories: fields.categories ?? [],
      audiences: fields.audiences ?? [],
      durationSeconds: fields.durationSeconds ?? null,
      difficulty: fields.difficulty ?? null,
      creditHours: fields.creditHours ?? null,
      creators: fields.creators ?? [],
      linkUrl: fields.linkUrl ?? null,
      coverUrl: fields.coverUrl ?? null,
      ownerUnitId: owner._id,
      ownerPath: [...owner.ancestorIds, owner._id],
      regionCode: owner.code,
      status: 'DRAFT',
      version: 1,
      publishedVersion: null,
      reviewComment: null,
      derivedFromId: derivedFrom?._id ?? null,
      derivedFromOwnerUnitId: derivedFrom?.ownerUnitId ?? null,
      adoptionCount: 0,
      createdBy: actor,
      updatedBy: actor,
      publishedAt: null,
    });
    await this.resources.addCreationHistory({
      itemId: id,
      version: 1,
      action: 'CREATE',
      actorId: actor,
      at: now,
      comment: null,
      changes: [],
    });
    const created = await this.resources.findById(id);
    if (!created) throw new Error(`resource ${id.toHexString()} missing right after insert`);
    this.events.changed({ type: 'RESOURCE', id: created._id.toHexString(), reason: 'CREATED' });
    return created;
  }

  /**
   * Edits a resource. Authors of the owning unit edit drafts. A published
   * resource is edited only by a curator of the owning unit or above, and the
   * edit is itself a new published version (adopters are told of it).
   * `expectedVersion` must be the version the editor saw; otherwise CONFLICT.
   */
  async update(
    viewer: Viewer,
    id: Types.ObjectId,
    expectedVersion: number,
    patch: ResourceFieldsPatch,
  ): Promise<ResourceDoc> {
    const doc = await this.get(viewer, id);
    if (doc.status === 'DRAFT') {
      await this.requireAction(
        viewer,
        doc,
        'content.author',
        '只有所属单位的作者可以编辑 / only authors of the owning unit may edit',
      );
    } else if (doc.status === 'PUBLISHED') {
      await this.requireAction(
        viewer,
        doc,
        'content.review',
        '已发布的资源只能由审核员修改 / only curators may edit a published resource',
      );
    } else {
      throw new InvalidTransitionError(
        `不能编辑状态为 ${doc.status} 的资源 / a resource that is ${doc.status} cannot be edited`,
        { from: doc.status },
      );
    }
    const fields = checkResourceFields(doc.kind, patch, false);
    const changes = diffFields(doc, fields);
    const set: Partial<ResourceDoc> = { ...(fields as Partial<ResourceDoc>) };
    // A curator's edit of a published resource is itself a new published version.
    if (doc.status === 'PUBLISHED') set.publishedVersion = expectedVersion + 1;
    return this.applyChange(viewer, doc, expectedVersion, set, 'UPDATE', changes, null);
  }

  /** Moves a resource through the review workflow; illegal moves fail with INVALID_TRANSITION. */
  async transition(
    viewer: Viewer,
    id: Types.ObjectId,
    expectedVersion: number,
    transition: Transition,
    comment?: string,
  ): Promise<ResourceDoc> {
    const doc = await this.get(viewer, id);
    const rule = TRANSITIONS[transition];
    await this.requireAction(
      viewer,
      doc,
      rule.action,
      rule.action === 'content.review'
        ? '只有所属单位或上级单位的审核员可以审核 / only curators of the owning unit or above may review'
        : '只有所属单位的作者可以提交 / only authors of the owning unit may submit',
    );
    const plan = planTransition(
      { status: doc.status, noun: 'resource' },
      transition,
      expectedVersion,
      comment,
      this.now(),
    );
    return this.applyChange(
      viewer,
      doc,
      expectedVersion,
      plan.set,
      transition,
      plan.changes,
      plan.comment,
    );
  }

  /**
   * Forks a published resource for localisation: a new DRAFT owned by the
   * viewer's unit, with `derivedFrom` lineage and the source's metadata.
   * Refused with LICENSE_FORBIDS when the licence allows no derivatives.
   */
  async fork(
    viewer: Viewer,
    sourceId: Types.ObjectId,
    idempotencyKey?: string,
  ): Promise<ResourceDoc> {
    if (viewer.kind !== 'user') throw new UnauthenticatedError('请先登录 / sign in first');
    const source = await this.get(viewer, sourceId);
    if (source.status !== 'PUBLISHED')
      throw new InvalidTransitionError(
        '只能派生已发布的资源 / only published resources can be forked',
        { from: source.status },
      );
    if (source.ownerUnitId.toHexString() === viewer.unitId) {
      throw new BadUserInputError(
        '不能派生本单位自己的资源，请直接编辑 / a unit cannot fork its own resource; edit it instead',
        'id',
      );
    }
    if (!LICENSES[source.license].derivatives) {
      throw new LicenseForbidsError(
        `许可协议「${LICENSES[source.license].label}」不允许改编 / the licence does not allow derivatives`,
        { license: source.license },
      );
    }
    return this.create(
      viewer,
      {
        kind: source.kind,
        idempotencyKey,
        title: source.title,
        subtitle: source.subtitle,
        summary: source.summary,
        description: source.description,
        keywords: source.keywords,
        categories: source.categories,
        audiences: source.audiences,
        language: source.language,
        durationSeconds: source.durationSeconds,
        difficulty: source.difficulty,
        creditHours: source.creditHours,
        license: source.license,
        // Attribution stays: the original creators remain credited on the fork.
        creators: source.creators,
        linkUrl: source.linkUrl,
        coverUrl: source.coverUrl,
        visibility: 'PRIVATE',
      },
      source,
    );
  }

  private async applyChange(
    viewer: Viewer,
    doc: ResourceDoc,
    expectedVersion: number,
    set: Partial<ResourceDoc>,
    action: CatalogueHistoryDoc['action'],
    changes: CatalogueHistoryDoc['changes'],
    comment: string | null,
  ): Promise<ResourceDoc> {
    const stale = () =>
      new ConflictError(
        `资源已被他人修改（当前版本 ${doc.version}），请刷新后重试 / the resource changed since version ${expectedVersion}; it is at ${doc.version}`,
        {
          field: 'expectedVersion',
          currentVersion: doc.version,
        },
      );
    if (expectedVersion !== doc.version) throw stale();
    const actor = viewer.kind === 'user' ? new Types.ObjectId(viewer.userId) : null;
    const at = this.now();
    const ok = await this.resources.applyVersionedChange(
      doc._id,
      { ...set, updatedBy: actor, updatedAt: at },
      {
        itemId: doc._id,
        version: expectedVersion + 1,
        action,
        actorId: actor,
        at,
        comment,
        changes,
      },
    );
    if (!ok) {
      const current = await this.resources.findById(doc._id);
      doc = current ?? doc;
      throw stale();
    }
    const updated = await this.resources.findById(doc._id);
    if (!updated) throw new NotFoundError('找不到该资源 / resource not found');
    this.events.changed({
      type: 'RESOURCE',
      id: updated._id.toHexString(),
      reason: action === 'UPDATE' ? 'UPDATED' : 'TRANSITION',
    });
    return updated;
  }

  private async requireAction(
    viewer: Viewer,
    doc: ResourceDoc,
    action: 'content.author' | 'content.review',
    message: string,
  ): Promise<void> {
    if (viewer.kind !== 'user') throw new UnauthenticatedError('请先登录 / sign in first');
    const owner = await this.units.findById(doc.ownerUnitId);
    if (!owner || !can(viewer, action, OrgUnitService.toRef(owner)))
      throw new ForbiddenError(message);
  }

  private listQuery(viewer: Viewer, f: ResourceListFilter): FilterQuery<ResourceDoc> {
    const and: FilterQuery<ResourceDoc>[] = [visibilityQuery<ResourceDoc>(visibilityScope(viewer))];
    if (f.kinds?.length) and.push({ kind: { $in: f.kinds } });
    if (f.statuses?.length) and.push({ status: { $in: f.statuses } });
    if (f.ownerUnitId) and.push({ ownerUnitId: f.ownerUnitId });
    if (f.withinUnitId) and.push({ ownerPath: f.withinUnitId });
    if (f.categories?.length) and.push({ categories: { $in: f.categories } });
    if (f.audiences?.length) and.push({ audiences: { $in: f.audiences } });
    if (f.licenses?.length) and.push({ license: { $in: f.licenses } });
    if (f.language) and.push({ language: f.language });
    if (f.updatedFrom || f.updatedTo) {
      and.push({
        updatedAt: {
          ...(f.updatedFrom ? { $gte: f.updatedFrom } : {}),
          ...(f.updatedTo ? { $lte: f.updatedTo } : {}),
        },
      });
    }
    return { $and: and };
  }
}
