import { Schema, Types } from 'mongoose';

/**
 * Roles are independent grants, not a ladder: ADMIN manages people and
 * credentials, CURATOR reviews and publishes, AUTHOR writes, MEMBER reads the
 * unit's non-public catalogue. A user may hold several.
 */
export const ROLES = ['ADMIN', 'CURATOR', 'AUTHOR', 'MEMBER'] as const;
export type Role = (typeof ROLES)[number];

export interface UserDoc {
  _id: Types.ObjectId;
  /** Login handle, unique, lowercase. */
  username: string;
  displayName: string;
  unitId: Types.ObjectId;
  roles: Role[];
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const userSchema = new Schema<UserDoc>(
  {
    username: { type: String, required: true },
    displayName: { type: String, required: true },
    unitId: { type: Schema.Types.ObjectId, required: true },
    roles: { type: [String], enum: ROLES, default: [] },
    disabled: { type: Boolean, default: false },
  },
  { collection: 'users', timestamps: true, versionKey: false },
);
userSchema.index({ username: 1 }, { unique: true });
userSchema.index({ unitId: 1 });
