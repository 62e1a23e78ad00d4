import { Types } from 'mongoose';
import type { UserViewer } from '../../auth/viewer';
import { ConflictError, ForbiddenError } from '../../errors/app-errors';
import type { MediaInspection, PackageInspection } from '../../ingest';
import type { UploadDoc } from '../../models/asset/upload.model';
import type { CreatorCredit, ResourceDoc } from '../../models/catalogue/resource.model';
import type { OrgUnitRepository } from '../../models/org-unit/org-unit.repository';
import type { UserRepository } from '../../models/user/user.repository';
import type { ResourceService } from '../catalogue/resource.service';
import type { ResourceFieldsPatch } from '../catalogue/resource-input';
import { RESOURCE_KIND_OF } from './upload-kinds';
import { UploadProblem } from './upload-problem';

const LOM_ROLES: Record<string, CreatorCredit['role']> = {
  author: 'AUTHOR',
  editor: 'EDITOR',
  publisher: 'PUBLISHER',
  'content provider': 'CONTENT_PROVIDER',
  'technical implementer': 'TECHNICAL_IMPLEMENTER',
};

/**
 * Turns ingested content into a catalogue resource through the catalogue's
 * public service only: a new DRAFT with the extracted metadata prefilled, or
 * a new version of the resource the uploader named. It acts as the uploader
 * (their current roles), so the catalogue's own rules apply unchanged.
 */
export class ResourceApplier {
  constructor(
    private readonly resources: ResourceService,
    private readonly users: UserRepository,
    private readonly units: OrgUnitRepository,
  ) {}

  async apply(args: {
    jobId: Types.ObjectId;
    upload: UploadDoc;
    targetResourceId: Types.ObjectId | null;
    pkg?: PackageInspection;
    media?: MediaInspection;
  }): Promise<ResourceDoc> {
    const viewer = await this.viewerOf(args.upload.createdBy);
    const fields = prefill(args.upload, args.pkg, args.media);
    const kind = RESOURCE_KIND_OF[args.upload.kind];
    if (!args.targetResourceId) {
      // The idempotency key makes a retried job find the resource its first attempt created.
      return this.resources.create(viewer, {
        kind,
        ownerUnitId: args.upload.unitId,
        idempotencyKey: `ingest-${args.jobId.toHexString()}`,
        ...fields,
      });
    }
    for (let attempt = 0; ; attempt += 1) {
      const current = await this.resources.get(viewer, args.targetResourceId);
      if (current.kind !== kind)
        throw new UploadProblem(
          'RESOURCE_KIND_MISMATCH',
          `资源类型为 ${current.kind}，内容是 ${kind} / the resource is ${current.kind}, the content makes ${kind}`,
        );
      // Fill only what the resource lacks: people's edits win over what a package says.
      const patch: ResourceFieldsPatch = {};
      if (args.upload.titleHint) patch.title = args.upload.titleHint;
      if (!current.description && fields.description) patch.description = fields.description;
      if (!current.keywords.length && fields.keywords?.length) patch.keywords = fields.keywords;
      if (fields.durationSeconds != null) patch.durationSeconds = fields.durationSeconds;
      try {
        return await this.resources.update(viewer, current._id, current.version, patch);
      } catch (err) {
        if (err instanceof ConflictError && attempt < 3) continue;
        throw err;
      }
    }
  }

  private async viewerOf(userId: Types.ObjectId): Promise<UserViewer> {
    const user = await this.users.findById(userId);
    const unit = user && (await this.units.findById(user.unitId));
    if (!user || user.disabled || !unit)
      throw new ForbiddenError('上传者已停用 / the uploader is no longer active');
    return {
      kind: 'user',
      userId: user._id.toHexString(),
      credentialId: 'ingest-worker',
      unitId: unit._id.toHexString(),
      unitPath: [...unit.ancestorIds, unit._id].map((id) => id.toHexString()),
      roles: user.roles,
    };
  }
}

const cut = (s: string | undefined | null, max: number) => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max) : undefined;
};

/** Metadata for the catalogue, within its limits (a package's metadata is not ours to trust). */
export function prefill(
  upload: UploadDoc,
  pkg?: PackageInspection,
  media?: MediaInspection,
): ResourceFieldsPatch {
  const title =
    upload.titleHint ??
    cut(pkg?.title, 200) ??
    cut(media?.title, 200) ??
    (cut(upload.filename.replace(/\.[A-Za-z0-9]{1,5}$/, ''), 200) || upload.filename.slice(0, 200));
  const out: ResourceFieldsPatch = { title };
  const description = pkg?.description?.trim().slice(0, 20_000);
  if (description) out.description = description;
  const keywords = [
    ...new Set((pkg?.keywords ?? []).map((k) => cut(k, 40)).filter((k): k is string => !!k)),
  ].slice(0, 30);
  if (keywords.length) out.keywords = keywords;
  const language = pkg?.language?.trim();
  if (language && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(language)) out.language = language;
  if (media?.durationSeconds !== undefined && Number.isFinite(media.durationSeconds))
    out.durationSeconds = Math.min(864_000, Math.max(0, Math.round(media.durationSeconds)));
  const creators = (pkg?.metadata?.contributors ?? [])
    .flatMap((c) => {
      const role = LOM_ROLES[(c.role ?? '').toLowerCase()];
      return role ? c.entities.map((name) => ({ name: cut(name, 100), role })) : [];
    })
    .filter((c): c is CreatorCredit => !!c.name)
    .slice(0, 50);
  if (creators.length) out.creators = creators;
  return out;
}
