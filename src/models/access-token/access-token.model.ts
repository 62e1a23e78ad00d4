import { Schema, Types } from 'mongoose';

/** Personal access tokens (people) and API keys (third-party portals), stored hashed. */
export const CREDENTIAL_KINDS = ['PERSONAL_TOKEN', 'API_KEY'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** What an API key may read: the public catalogue, or one unit's catalogue as that unit sees it. */
export const API_KEY_SCOPES = ['PUBLIC', 'UNIT'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface CredentialDoc {
  _id: Types.ObjectId;
  kind: CredentialKind;
  name: string;
  /** SHA-256 of the secret, hex. The secret itself is shown once and never stored. */
  secretHash: string;
  /** First characters of the secret, so people can tell their credentials apart. */
  prefix: string;
  /** PERSONAL_TOKEN: the person it authenticates. */
  userId: Types.ObjectId | null;
  /** The unit it belongs to: the person's unit, or the unit whose admins manage the key. */
  unitId: Types.ObjectId | null;
  scope: ApiKeyScope | null;
  allowedOrigins: string[];
  createdBy: Types.ObjectId | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /**
   * API keys only: when true the key may run registered (persisted)
   * operations only. Optional so documents written before it read as false.
   */
  safelistMode?: boolean;
}

export const credentialSchema = new Schema<CredentialDoc>(
  {
    kind: { type: String, enum: CREDENTIAL_KINDS, required: true },
    name: { type: String, required: true },
    secretHash: { type: String, required: true },
    prefix: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, default: null },
    unitId: { type: Schema.Types.ObjectId, default: null },
    scope: { type: String, enum: [...API_KEY_SCOPES, null], default: null },
    allowedOrigins: { type: [String], default: [] },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    lastUsedAt: { type: Date, default: null },
    expiresAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
    safelistMode: { type: Boolean, default: false },
  },
  {
    collection: 'credentials',
    timestamps: { createdAt: true, updatedAt: false },
    versionKey: false,
  },
);
credentialSchema.index({ secretHash: 1 }, { unique: true });
credentialSchema.index({ userId: 1 });
credentialSchema.index({ unitId: 1, kind: 1 });
