import { Schema, Types } from 'mongoose';
import { VISIBILITIES, type Visibility } from '../../auth/policy';
import { RESOURCE_STATUSES, type ResourceStatus } from './vocabulary';

/**
 * A local-culture series (晋商文化, 晋剧艺术, 山西面食 …): an ordered list of
 * episodes, which are resources — possibly other units' resources, reused.
 * Readers only ever see the episodes they may see themselves.
 */
export interface SeriesDoc {
  _id: Types.ObjectId;
  title: string;
  subtitle: string | null;
  description: string | null;
  themeTags: string[];
  regionCode: string;
  coverUrl: string | null;
  /** Episode resource ids, in order. */
  episodeIds: Types.ObjectId[];
  ownerUnitId: Types.ObjectId;
  ownerPath: Types.ObjectId[];
  visibility: Visibility;
  status: ResourceStatus;
  version: number;
  publishedVersion: number | null;
  reviewComment: string | null;
  createdBy: Types.ObjectId | null;
  updatedBy: Types.ObjectId | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const seriesSchema = new Schema<SeriesDoc>(
  {
    title: { type: String, required: true },
    subtitle: { type: String, default: null },
    description: { type: String, default: null },
    themeTags: { type: [String], default: [] },
    regionCode: { type: String, required: true },
    coverUrl: { type: String, default: null },
    episodeIds: { type: [Schema.Types.ObjectId], default: [] },
    ownerUnitId: { type: Schema.Types.ObjectId, required: true },
    ownerPath: { type: [Schema.Types.ObjectId], required: true },
    visibility: { type: String, enum: VISIBILITIES, required: true },
    status: { type: String, enum: RESOURCE_STATUSES, required: true },
    version: { type: Number, required: true },
    publishedVersion: { type: Number, default: null },
    reviewComment: { type: String, default: null },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    updatedBy: { type: Schema.Types.ObjectId, default: null },
    publishedAt: { type: Date, default: null },
  },
  { collection: 'series', timestamps: true, versionKey: false },
);
seriesSchema.index({ ownerUnitId: 1 });
seriesSchema.index({ ownerPath: 1 });
seriesSchema.index({ episodeIds: 1 });
seriesSchema.index({ updatedAt: -1, _id: -1 });
