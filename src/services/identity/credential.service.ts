import { Types } from 'mongoose';
import { can } from '../../auth/policy';
import { displayPrefix, hashSecret, newSecret, SECRET_PREFIX } from '../../auth/secrets';
import { ANONYMOUS, type Viewer } from '../../auth/viewer';
import {
  BadUserInputError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from '../../errors/app-errors';
import type { ApiKeyScope, CredentialDoc } from '../../models/access-token/access-token.model';
import type { CredentialRepository } from '../../models/access-token/credential.repository';
import type { OrgUnitRepository } from '../../models/org-unit/org-unit.repository';
import type { UserRepository } from '../../models/user/user.repository';
import { OrgUnitService } from '../org-unit/org-unit.service';

const MAX_NAME = 100;
const MAX_ORIGINS = 20;
/** lastUsedAt is written at most this often per credential, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface IssuedCredential {
  credential: CredentialDoc;
  /** The secret, shown exactly once. */
  secret: string;
}

/**
 * Personal access tokens and portal API keys: issue, authenticate, list, revoke.
 * Secrets are stored only as hashes; a revoked or expired credential fails on
 * the very next request (nothing is cached).
 */
export class CredentialService {
  constructor(
    private readonly credentials: CredentialRepository,
    private readonly users: UserRepository,
    private readonly units: OrgUnitRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Turns the secret presented by a caller into a viewer; no secret means anonymous. */
  async authenticate(secret: string | undefined): Promise<Viewer> {
    return (await this.authenticateRequest(secret)).viewer;
  }

  /**
   * Like `authenticate`, and also hands back the credential itself, so the
   * HTTP layer can apply per-key rules (allowed origins, safelist mode)
   * without a second lookup.
   */
  async authenticateRequest(
    secret: string | undefined,
  ): Promise<{ viewer: Viewer; credential: CredentialDoc | null }> {
    if (secret === undefined) return { viewer: ANONYMOUS, credential: null };
    return this.viewerFor(secret);
  }

  private async viewerFor(secret: string): Promise<{ viewer: Viewer; credential: CredentialDoc }> {
    const invalid = () =>
      new UnauthenticatedError(
        '凭证无效、已过期或已撤销 / credential is invalid, expired or revoked',
      );
    if (
      !secret.startsWith(SECRET_PREFIX.PERSONAL_TOKEN) &&
      !secret.startsWith(SECRET_PREFIX.API_KEY)
    )
      throw invalid();
    if (secret.length > 200) throw invalid();
    const cred = await this.credentials.findByHash(hashSecret(secret));
    const now = this.now();
    if (!cred || cred.revokedAt || (cred.expiresAt && cred.expiresAt <= now)) throw invalid();

    if (!cred.lastUsedAt || now.getTime() - cred.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      // Best effort: a failed bookkeeping write must not fail the request.
      this.credentials.touch(cred._id, now).catch(() => undefined);
    }

    if (cred.kind === 'PERSONAL_TOKEN') {
      const user = cred.userId ? await this.users.findById(cred.userId) : null;
      if (!user || user.disabled) throw invalid();
      const unit = await this.units.findById(user.unitId);
      if (!unit) throw invalid();
      return {
        credential: cred,
        viewer: {
          kind: 'user',
          userId: user._id.toHexString(),
          credentialId: cred._id.toHexString(),
          unitId: unit._id.toHexString(),
          unitPath: OrgUnitService.pathOf(unit),
          roles: user.roles,
        },
      };
    }
    if (cred.scope === 'UNIT' && cred.unitId) {
      const unit = await this.units.findById(cred.unitId);
      if (!unit) throw invalid();
      return {
        credential: cred,
        viewer: {
          kind: 'portal',
          credentialId: cred._id.toHexString(),
          scope: 'UNIT',
          unitId: unit._id.toHexString(),
          unitPath: OrgUnitService.pathOf(unit),
        },
      };
    }
    return {
      credential: cred,
      viewer: { kind: 'portal', credentialId: cred._id.toHexString(), scope: 'PUBLIC' },
    };
  }

  /**
   * An API key the actor administers (an admin of its unit or above).
   * Anyone else gets NOT_FOUND, as with `revoke`, so key ids cannot be probed.
   */
  async getManagedApiKey(actor: Viewer, id: Types.ObjectId): Promise<CredentialDoc> {
    const notFound = () => new NotFoundError('找不到该 API 密钥 / API key not found');
    const cred = await this.credentials.findById(id);
    if (!cred || cred.kind !== 'API_KEY' || !cred.unitId) throw notFound();
    const unit = await this.units.findById(cred.unitId);
    if (!unit || !can(actor, 'unit.administer', OrgUnitService.toRef(unit))) throw notFound();
    return cred;
  }

  /** Puts an API key in safelist mode (registered operations only) or takes it out. */
  async setSafelistMode(
    actor: Viewer,
    id: Types.ObjectId,
    enabled: boolean,
  ): Promise<CredentialDoc> {
    const cred = await this.getManagedApiKey(actor, id);
    await this.credentials.setSafelistMode(cred._id, enabled);
    return { ...cred, safelistMode: enabled };
  }

  /** Whether some live API key lists `origin` among its allowed browser origins. */
  isOriginRegistered(origin: string): Promise<boolean> {
    return this.credentials.someApiKeyAllowsOrigin(origin);
  }

  /**
   * Issues a personal access token. Without a viewer (the CLI on the server
   * itself) no check is made; otherwise people issue their own tokens, and
   * admins issue them for people of their unit and below.
   */
  async issuePersonalToken(
    actor: Viewer | 'system',
    input: { userId: Types.ObjectId; name: string; expiresInDays?: number },
  ): Promise<IssuedCredential> {
    const name = this.checkName(input.name);
    const user = await this.users.findById(input.userId);
    if (!user) throw new NotFoundError('找不到该用户 / user not found');
    const unit = await this.units.findById(user.unitId);
    if (!unit) throw new NotFoundError('找不到该用户所属单位 / the user’s unit was not found');
    if (actor !== 'system') {
      const self = actor.kind === 'user' && actor.userId === user._id.toHexString();
      if (!self && !can(actor, 'unit.administer', OrgUnitService.toRef(unit))) {
        throw new ForbiddenError(
          '只有本人或上级管理员可以为该用户创建令牌 / only the user or an admin above them may issue tokens',
        );
      }
    }
    let expiresAt: Date | null = null;
    if (input.expiresInDays != null) {
      if (
        !Number.isInteger(input.expiresInDays) ||
        input.expiresInDays < 1 ||
        input.expiresInDays > 3650
      ) {
        throw new BadUserInputError(
          '有效期应为 1–3650 天 / expiresInDays must be 1–3650',
          'expiresInDays',
        );
      }
      expiresAt = new Date(this.now().getTime() + input.expiresInDays * 86_400_000);
    }
    const secret = newSecret('PERSONAL_TOKEN');
    const credential = await this.credentials.insert({
      kind: 'PERSONAL_TOKEN',
      name,
      secretHash: hashSecret(secret),
      prefix: displayPrefix(secret),
      userId: user._id,
      unitId: user.unitId,
      scope: null,
      allowedOrigins: [],
      createdBy:
        actor !== 'system' && actor.kind === 'user' ? new Types.ObjectId(actor.userId) : null,
      expiresAt,
    });
    return { credential, secret };
  }

  /** Issues a portal API key for a unit; only admins of the unit or above. */
  async issueApiKey(
    actor: Viewer | 'system',
    input: { unitId: Types.ObjectId; name: string; scope: ApiKeyScope; allowedOrigins?: string[] },
  ): Promise<IssuedCredential> {
    const name = this.checkName(input.name);
    const unit = await this.units.findById(input.unitId);
    if (!unit) throw new NotFoundError('找不到该单位 / organisation unit not found');
    if (actor !== 'system' && !can(actor, 'unit.administer', OrgUnitService.toRef(unit))) {
      throw new ForbiddenError(
        '只有本单位或上级单位的管理员可以创建 API 密钥 / only admins of the unit or above may issue API keys',
      );
    }
    const origins = input.allowedOrigins ?? [];
    if (origins.length > MAX_ORIGINS)
      throw new BadUserInputError(
        `最多 ${MAX_ORIGINS} 个来源 / at most ${MAX_ORIGINS} origins`,
        'allowedOrigins',
      );
    for (const origin of origins) {
      let ok = false;
      try {
        const u = new URL(origin);
        ok = (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === origin;
      } catch {
        ok = false;
      }
      if (!ok)
        throw new BadUserInputError(
          `来源格式应如 https://example.cn / origin must look like https://example.cn: ${origin}`,
          'allowedOrigins',
        );
    }
    const secret = newSecret('API_KEY');
    const credential = await this.credentials.insert({
      kind: 'API_KEY',
      name,
      secretHash: hashSecret(secret),
      prefix: displayPrefix(secret),
      userId: null,
      unitId: unit._id,
      scope: input.scope,
      allowedOrigins: origins,
      createdBy:
        actor !== 'system' && actor.kind === 'user' ? new Types.ObjectId(actor.userId) : null,
      expiresAt: null,
    });
    return { credential, secret };
  }

  /** Revokes a credential: its owner, or an admin over its unit. Idempotent. */
  async revoke(actor: Viewer | 'system', id: Types.ObjectId): Promise<CredentialDoc> {
    const cred = await this.credentials.findById(id);
    if (!cred) throw new NotFoundError('找不到该凭证 / credential not found');
    if (actor !== 'system') {
      const own = actor.kind === 'user' && cred.userId?.toHexString() === actor.userId;
      const unit = cred.unitId ? await this.units.findById(cred.unitId) : null;
      const admin = unit !== null && can(actor, 'unit.administer', OrgUnitService.toRef(unit));
      if (!own && !admin) throw new NotFoundError('找不到该凭证 / credential not found');
    }
    await this.credentials.revoke(cred._id, this.now());
    return (await this.credentials.findById(cred._id)) ?? cred;
  }

  /** Lists a unit's API keys, or a person's own tokens. */
  async listApiKeys(actor: Viewer, unitId: Types.ObjectId): Promise<CredentialDoc[]> {
    const unit = await this.units.findById(unitId);
    if (!unit) throw new NotFoundError('找不到该单位 / organisation unit not found');
    if (!can(actor, 'unit.administer', OrgUnitService.toRef(unit))) {
      throw new ForbiddenError(
        '只有本单位或上级单位的管理员可以查看 API 密钥 / only admins of the unit or above may list its API keys',
      );
    }
    return this.credentials.listForUnit(unit._id, 'API_KEY');
  }

  async listOwnTokens(actor: Viewer): Promise<CredentialDoc[]> {
    if (actor.kind !== 'user') throw new UnauthenticatedError('请先登录 / sign in first');
    return this.credentials.listForUser(new Types.ObjectId(actor.userId));
  }

  private checkName(name: string): string {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > MAX_NAME) {
      throw new BadUserInputError(
        `名称应为 1–${MAX_NAME} 个字符 / name must be 1–${MAX_NAME} characters`,
        'name',
      );
    }
    return trimmed;
  }
}
