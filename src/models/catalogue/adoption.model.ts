import { Schema, Types } from 'mongoose';

export type AdoptableType = 'RESOURCE' | 'SERIES';

/**
 * A unit's adoption of another unit's resource or series into its own
 * catalogue: a link, never a copy, so attribution stays with the owner.
 * `seenVersion` is the published version the adopter last acknowledged; a
 * newer published version is an update notice.
 */
export interface AdoptionDoc {
  _id: Types.ObjectId;
  unitId: Types.ObjectId;
  itemType: AdoptableType;
  itemId: Types.ObjectId;
  /** The item's owner, so "adopted from my unit" is one indexed query. */
  itemOwnerUnitId: Types.ObjectId;
  adoptedBy: Types.ObjectId;
  adoptedVersion: number;
  seenVersion: number;
  createdAt: Date;
}

export const adoptionSchema = new Schema<AdoptionDoc>(
  {
    unitId: { type: Schema.Types.ObjectId, required: true },
    itemType: { type: String, enum: ['RESOURCE', 'SERIES'], required: true },
    itemId: { type: Schema.Types.ObjectId, required: true },
    itemOwnerUnitId: { type: Schema.Types.ObjectId, required: true },
    adoptedBy: { type: Schema.Types.ObjectId, required: true },
    adoptedVersion: { type: Number, required: true },
    seenVersion: { type: Number, required: true },
  },
  { collection: 'adoptions', timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);
// Adopting twice is one adoption: the unique index makes the operation idempotent.
adoptionSchema.index({ unitId: 1, itemId: 1 }, { unique: true });
adoptionSchema.index({ itemId: 1 });
adoptionSchema.index({ itemOwnerUnitId: 1 });
