import { Types, type FilterQuery } from 'mongoose';
import { can, canSeeContent, visibilityScope, type Visibility } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  UnauthenticatedError,
} from '../../errors/app-errors';
import type { CatalogueHistoryDoc } from '../../models/catalogue/catalogue-history.model';
import type { ResourceRepository } from '../../models/catalogue/resource.repository';
import type { SeriesDoc } from '../../models/catalogue/series.model';
import type { SeriesRepository } from '../../models/catalogue/series.repository';
import { visibilityQuery } from '../../models/catalogue/visibility-query';
import type { OrgUnitRepository } from '../../models/org-unit/org-unit.repository';
import { OrgUnitService } from '../org-unit/org-unit.service';
import type { CatalogueEvents } from './catalogue-events';
import { contentRefOf } from './content-ref';
import { checkHttpUrl, checkText } from './field-checks';
import { idForCreate } from './idempotency';
import {
  AUTHOR_DENIED,
  REVIEW_DENIED,
  TRANSITIONS,
  diffFields,
  planTransition,
  type Transition,
} from './workflow';

export interface SeriesFieldsPatch {
  title?: string;
  subtitle?: string | null;
  description?: string | null;
  themeTags?: string[];
  coverUrl?: string | null;
  visibility?: Visibility;
  /** Episode resource ids in order; replaces the list (reorder, add, remove). */
  episodeIds?: Types.ObjectId[];
}

const MAX_EPISODES = 500;

/**
 * Local-culture series. Episodes may be any resources the series' author can
 * see (reuse across units is the point); readers are shown only the episodes
 * they may see themselves, in order.
 */
export class SeriesService {
  constructor(
    private readonly series: SeriesRepository,
    private readonly resources: ResourceRepository,
    private readonly units: OrgUnitRepository,
    private readonly now: () => Date = () => new Date(),
    private readonly events: CatalogueEvents = { changed: () => undefined },
  ) {}

  async get(viewer: Viewer, id: Types.ObjectId): Promise<SeriesDoc> {
    const doc = await this.series.findById(id);
    if (!doc || !canSeeContent(viewer, contentRefOf(doc)))
      throw new NotFoundError('找不到该系列 / series not found');
    return doc;
  }

  async page(
    viewer: Viewer,
    args: {
      ownerUnitId?: Types.ObjectId;
      withinUnitId?: Types.ObjectId;
      themeTag?: string;
      first: number;
      after?: { value: number; id: string };
    },
  ) {
    const and: FilterQuery<SeriesDoc>[] = [visibilityQuery<SeriesDoc>(visibilityScope(viewer))];
    if (args.ownerUnitId) and.push({ ownerUnitId: args.ownerUnitId });
    if (args.withinUnitId) and.push({ ownerPath: args.withinUnitId });
    if (args.themeTag) and.push({ themeTags: args.themeTag });
    const filter = { $and: and };
    const rows = await this.series.page(filter, args.after, args.first);
    return {
      nodes: rows.slice(0, args.first),
      hasNextPage: rows.length > args.first,
      count: () => this.series.count(filter),
    };
  }

  async create(
    viewer: Viewer,
    input: SeriesFieldsPatch & {
      title: string;
      ownerUnitId?: Types.ObjectId;
      idempotencyKey?: string;
    },
  ): Promise<SeriesDoc> {
    if (viewer.kind !== 'user') throw new UnauthenticatedError('请先登录 / sign in first');
    const owner = await this.units.findById(input.ownerUnitId ?? new Types.ObjectId(viewer.unitId));
    if (!owner) throw new BadUserInputError('找不到所属单位 / owner unit not found', 'ownerUnitId');
    if (!can(viewer, 'content.author', OrgUnitService.toRef(owner)))
      throw new ForbiddenError(AUTHOR_DENIED);
    const fields = await this.checkFields(viewer, { visibility: 'PRIVATE', ...input }, true);

    const id = await idForCreate(this.resources, {
      userId: viewer.userId,
      idempotencyKey: input.idempotencyKey,
      request: { series: fields, owner: owner._id },
      now: this.now(),
    });
    const actor = new Types.ObjectId(viewer.userId);
    await this.series.insertOnce({
      _id: id,
      title: fields.title!,
      subtitle: fields.subtitle ?? null,
      description: fields.description ?? null,
      themeTags: fields.themeTags ?? [],
      coverUrl: fields.coverUrl ?? null,
      episodeIds: fields.episodeIds ?? [],
      visibility: fields.visibility ?? 'PRIVATE',
      regionCode: owner.code,
      ownerUnitId: owner._id,
      ownerPath: [...owner.ancestorIds, owner._id],
      status: 'DRAFT',
      version: 1,
      publishedVersion: null,
      reviewComment: null,
      createdBy: actor,
      updatedBy: actor,
      publishedAt: null,
    });
    await this.series.addCreationHistory({
      itemId: id,
      version: 1,
      action: 'CREATE',
      actorId: actor,
      at: this.now(),
      comment: null,
      changes: [],
    });
    const created = await this.series.findById(id);
    if (!created) throw new Error(`series ${id.toHexString()} missing right after insert`);
    this.events.changed({ type: 'SERIES', id: created._id.toHexString(), reason: 'CREATED' });
    this.membershipChanged(created.episodeIds);
    return created;
  }

  async update(
    viewer: Viewer,
    id: Types.ObjectId,
    expectedVersion: number,
    patch: SeriesFieldsPatch,
  ): Promise<SeriesDoc> {
    const doc = await this.get(viewer, id);
    if (doc.status === 'DRAFT') await this.require(viewer, doc, 'content.author', AUTHOR_DENIED);
    else if (doc.status === 'PUBLISHED')
      await this.require(viewer, doc, 'content.review', REVIEW_DENIED);
    else
      throw new InvalidTransitionError(
        `不能编辑状态为 ${doc.status} 的系列 / a series that is ${doc.status} cannot be edited`,
        { from: doc.status },
      );
    const fields = await this.checkFields(viewer, patch, false, doc.episodeIds);
    const set: Partial<SeriesDoc> = { ...fields };
    if (doc.status === 'PUBLISHED') set.publishedVersion = expectedVersion + 1;
    return this.apply(viewer, doc, expectedVersion, set, 'UPDATE', diffFields(doc, fields), null);
  }

  /**
   * Appends one episode, server-side, so a client never needs to send (or
   * even see) the whole episode list. Idempotent; retries a lost race.
   */
  async addEpisode(
    viewer: Viewer,
    id: Types.ObjectId,
    resourceId: Types.ObjectId,
  ): Promise<SeriesDoc> {
    for (let attempt = 1; ; attempt++) {
      const doc = await this.get(viewer, id);
      if (doc.episodeIds.some((e) => e.equals(resourceId))) return doc;
      try {
        return await this.update(viewer, id, doc.version, {
          episodeIds: [...doc.episodeIds, resourceId],
        });
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= 5) throw err;
      }
    }
  }

  async transition(
    viewer: Viewer,
    id: Types.ObjectId,
    expectedVersion: number,
    transition: Transition,
    comment?: string,
  ): Promise<SeriesDoc> {
    const doc = await this.get(viewer, id);
    const rule = TRANSITIONS[transition];
    await this.require(
      viewer,
      doc,
      rule.action,
      rule.action === 'content.review' ? REVIEW_DENIED : AUTHOR_DENIED,
    );
    const plan = planTransition(
      { status: doc.status, noun: 'series' },
      transition,
      expectedVersion,
      comment,
      this.now(),
    );
    return this.apply(
      viewer,
      doc,
      expectedVersion,
      plan.set,
      transition,
      plan.changes,
      plan.comment,
    );
  }

  /** The episodes of a series that the viewer may see, in series order. */
  async visibleEpisodes(
    viewer: Viewer,
    doc: SeriesDoc,
    loaded: Map<string, import('../../models/catalogue/resource.model').ResourceDoc | null>,
  ) {
    return doc.episodeIds
      .map((id) => loaded.get(id.toHexString()))
      .filter((r): r is NonNullable<typeof r> => !!r && canSeeContent(viewer, contentRefOf(r)));
  }

  /**
   * `existing` are the series' current episodes: they may stay even when this
   * editor cannot see them (another unit's PRIVATE lesson added by someone who
   * could); only newly added episodes must be visible to the editor.
   */
  private async checkFields(
    viewer: Viewer,
    patch: SeriesFieldsPatch,
    isCreate: boolean,
    existing: Types.ObjectId[] = [],
  ): Promise<SeriesFieldsPatch> {
    const out: SeriesFieldsPatch = {};
    if (patch.title !== undefined || isCreate)
      out.title = checkText(patch.title, 'title', 200, true)!;
    if (patch.subtitle !== undefined) out.subtitle = checkText(patch.subtitle, 'subtitle', 200);
    if (patch.description !== undefined)
      out.description = checkText(patch.description, 'description', 20_000);
    if (patch.coverUrl !== undefined) out.coverUrl = checkHttpUrl(patch.coverUrl, 'coverUrl');
    if (patch.themeTags !== undefined) {
      const tags = [...new Set((patch.themeTags ?? []).map((t) => t.trim()).filter(Boolean))];
      if (tags.length > 20 || tags.some((t) => t.length > 40))
        throw new BadUserInputError(
          '主题标签最多 20 个、每个 40 字 / at most 20 theme tags of 40 characters',
          'themeTags',
        );
      out.themeTags = tags;
    }
    if (patch.visibility !== undefined) out.visibility = patch.visibility;
    if (patch.episodeIds !== undefined) {
      const ids = patch.episodeIds ?? [];
      if (ids.length > MAX_EPISODES)
        throw new BadUserInputError(
          `最多 ${MAX_EPISODES} 集 / at most ${MAX_EPISODES} episodes`,
          'episodeIds',
        );
      if (new Set(ids.map((i) => i.toHexString())).size !== ids.length)
        throw new BadUserInputError('分集重复 / an episode appears twice', 'episodeIds');
      const kept = new Set(existing.map((e) => e.toHexString()));
      const added = ids.filter((i) => !kept.has(i.toHexString()));
      const found = added.length ? await this.resources.findByIds(added) : [];
      const visible = new Set(
        found.filter((r) => canSeeContent(viewer, contentRefOf(r))).map((r) => r._id.toHexString()),
      );
      const missing = added.filter((i) => !visible.has(i.toHexString()));
      if (missing.length)
        throw new BadUserInputError(
          `找不到分集资源 / episode resources not found: ${missing.length}`,
          'episodeIds',
        );
      out.episodeIds = ids;
    }
    return out;
  }

  private async apply(
    viewer: Viewer,
    doc: SeriesDoc,
    expectedVersion: number,
    set: Partial<SeriesDoc>,
    action: CatalogueHistoryDoc['action'],
    changes: CatalogueHistoryDoc['changes'],
    comment: string | null,
  ): Promise<SeriesDoc> {
    const stale = (current: number) =>
      new ConflictError(
        `系列已被他人修改（当前版本 ${current}）/ the series changed since version ${expectedVersion}; it is at ${current}`,
        { field: 'expectedVersion', currentVersion: current },
      );
    if (expectedVersion !== doc.version) throw stale(doc.version);
    const actor = viewer.kind === 'user' ? new Types.ObjectId(viewer.userId) : null;
    const at = this.now();
    const ok = await this.series.applyVersionedChange(
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
    if (!ok) throw stale((await this.series.findById(doc._id))?.version ?? doc.version);
    const updated = await this.series.findById(doc._id);
    if (!updated) throw new NotFoundError('找不到该系列 / series not found');
    this.events.changed({
      type: 'SERIES',
      id: updated._id.toHexString(),
      reason: action === 'UPDATE' ? 'UPDATED' : 'TRANSITION',
    });
    // Episodes carry their series in the index: tell about every episode old and new.
    this.membershipChanged([...doc.episodeIds, ...updated.episodeIds]);
    return updated;
  }

  private membershipChanged(ids: Types.ObjectId[]): void {
    for (const id of new Set(ids.map((i) => i.toHexString()))) {
      this.events.changed({ type: 'RESOURCE', id, reason: 'SERIES_MEMBERSHIP' });
    }
  }

  private async require(
    viewer: Viewer,
    doc: SeriesDoc,
    action: 'content.author' | 'content.review',
    message: string,
  ): Promise<void> {
    if (viewer.kind !== 'user') throw new UnauthenticatedError('请先登录 / sign in first');
    const owner = await this.units.findById(doc.ownerUnitId);
    if (!owner || !can(viewer, action, OrgUnitService.toRef(owner)))
      throw new ForbiddenError(message);
  }
}
