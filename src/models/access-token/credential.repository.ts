import type { Types } from 'mongoose';
import type { Models } from '../models';
import type { CredentialDoc, CredentialKind } from './access-token.model';

export class CredentialRepository {
  constructor(private readonly models: Models) {}

  findByHash(secretHash: string): Promise<CredentialDoc | null> {
    return this.models.Credential.findOne({ secretHash }).lean<CredentialDoc>().exec();
  }

  findById(id: Types.ObjectId): Promise<CredentialDoc | null> {
    return this.models.Credential.findById(id).lean<CredentialDoc>().exec();
  }

  async insert(
    doc: Omit<CredentialDoc, '_id' | 'createdAt' | 'lastUsedAt' | 'revokedAt'>,
  ): Promise<CredentialDoc> {
    const created = await this.models.Credential.create(doc);
    return created.toObject();
  }

  listForUser(userId: Types.ObjectId): Promise<CredentialDoc[]> {
    return this.models.Credential.find({ userId, kind: 'PERSONAL_TOKEN' })
      .sort({ createdAt: -1 })
      .limit(500)
      .lean<CredentialDoc[]>()
      .exec();
  }

  listForUnit(unitId: Types.ObjectId, kind: CredentialKind): Promise<CredentialDoc[]> {
    return this.models.Credential.find({ unitId, kind })
      .sort({ createdAt: -1 })
      .limit(500)
      .lean<CredentialDoc[]>()
      .exec();
  }

  /** Idempotent: revoking twice keeps the first revocation time. */
  async revoke(id: Types.ObjectId, at: Date): Promise<void> {
    await this.models.Credential.updateOne(
      { _id: id, revokedAt: null },
      { $set: { revokedAt: at } },
    ).exec();
  }

  async touch(id: Types.ObjectId, at: Date): Promise<void> {
    await this.models.Credential.updateOne({ _id: id }, { $set: { lastUsedAt: at } }).exec();
  }

  async setSafelistMode(id: Types.ObjectId, enabled: boolean): Promise<void> {
    await this.models.Credential.updateOne({ _id: id }, { $set: { safelistMode: enabled } }).exec();
  }

  /** Whether any live API key lists this browser origin (answers CORS preflights, which carry no key). */
  async someApiKeyAllowsOrigin(origin: string): Promise<boolean> {
    const found = await this.models.Credential.findOne(
      { kind: 'API_KEY', allowedOrigins: origin, revokedAt: null },
      { _id: 1 },
    )
      .lean()
      .exec();
    return found !== null;
  }
}
