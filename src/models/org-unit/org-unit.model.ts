import { Schema, Types } from 'mongoose';

/** The five tiers of Shanxi's community-education network, top down. */
export const ORG_LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export interface OrgUnitDoc {
  _id: Types.ObjectId;
  /** Administrative division code (6 digits down to county, 9 for townships, 12 for villages). */
  code: string;
  name: string;
  /** Name of the administrative area, e.g. 太原市 for 太原社区大学. */
  regionName: string;
  level: OrgLevel;
  parentId: Types.ObjectId | null;
  /** Materialised path: ids of all ancestors, province first. Subtree queries match on it. */
  ancestorIds: Types.ObjectId[];
  createdAt: Date;
  updatedAt: Date;
}

export const orgUnitSchema = new Schema<OrgUnitDoc>(
  {
    code: { type: String, required: true },
    name: { type: String, required: true },
    regionName: { type: String, required: true },
    level: { type: String, enum: ORG_LEVELS, required: true },
    parentId: { type: Schema.Types.ObjectId, default: null },
    ancestorIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { collection: 'org_units', timestamps: true, versionKey: false },
);
orgUnitSchema.index({ code: 1 }, { unique: true });
orgUnitSchema.index({ parentId: 1 });
orgUnitSchema.index({ ancestorIds: 1 });
orgUnitSchema.index({ level: 1 });
