import { Schema, Types } from 'mongoose';
import { VISIBILITIES, type Visibility } from '../../auth/policy';
import {
  AUDIENCES,
  CATEGORIES,
  DIFFICULTIES,
  LICENSES,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
} from './vocabulary';
import type {
  Audience,
  Category,
  Difficulty,
  License,
  ResourceKind,
  ResourceStatus,
} from './vocabulary';

/** A creator credited on a resource (LOM lifeCycle.contribute / DC creator, contributor). */
export interface CreatorCredit {
  name: string;
  /** LOM contribute role: author, editor, publisher, content provider, … */
  role:
    | 'AUTHOR'
    | 'EDITOR'
    | 'PUBLISHER'
    | 'CONTENT_PROVIDER'
    | 'TECHNICAL_IMPLEMENTER'
    | 'NARRATOR';
  organization?: string;
}

/**
 * A catalogue resource. Field names follow LOM / Dublin Core where they can:
 * title (dc:title, general.title), summary+description (dc:description),
 * keywords (general.keyword), language (dc:language), license (dc:rights,
 * rights.*), creators (lifeCycle.contribute), durationSeconds (technical.duration),
 * difficulty (educational.difficulty), audiences (educational.intendedEndUserRole),
 * categories (classification), regionCode (general.coverage).
 */
export interface ResourceDoc {
  _id: Types.ObjectId;
  kind: ResourceKind;
  title: string;
  subtitle: string | null;
  summary: string | null;
  description: string | null;
  keywords: string[];
  categories: Category[];
  audiences: Audience[];
  language: string;
  durationSeconds: number | null;
  difficulty: Difficulty | null;
  creditHours: number | null;
  license: License;
  creators: CreatorCredit[];
  linkUrl: string | null;
  /** Cover image: an http(s) URL (an uploaded asset's URL once uploads land). */
  coverUrl: string | null;
  ownerUnitId: Types.ObjectId;
  /** Owner's ancestors then the owner: visibility and subtree filters match on it. */
  ownerPath: Types.ObjectId[];
  regionCode: string;
  status: ResourceStatus;
  visibility: Visibility;
  version: number;
  /** The version last made public (publish, or a curator's edit of a published resource); adopters are told of newer ones. */
  publishedVersion: number | null;
  reviewComment: string | null;
  derivedFromId: Types.ObjectId | null;
  /** Owner of the resource this one was forked from, so "forked from my unit" is one indexed query. */
  derivedFromOwnerUnitId: Types.ObjectId | null;
  adoptionCount: number;
  createdBy: Types.ObjectId | null;
  updatedBy: Types.ObjectId | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const creatorSchema = new Schema<CreatorCredit>(
  {
    name: { type: String, required: true },
    role: { type: String, required: true },
    organization: { type: String },
  },
  { _id: false },
);

export const resourceSchema = new Schema<ResourceDoc>(
  {
    kind: { type: String, enum: RESOURCE_KINDS, required: true },
    title: { type: String, required: true },
    subtitle: { type: String, default: null },
    summary: { type: String, default: null },
    description: { type: String, default: null },
    keywords: { type: [String], default: [] },
    categories: { type: [String], enum: Object.keys(CATEGORIES), default: [] },
    audiences: { type: [String], enum: Object.keys(AUDIENCES), default: [] },
    language: { type: String, default: 'zh-CN' },
    durationSeconds: { type: Number, default: null },
    difficulty: { type: String, enum: [...DIFFICULTIES, null], default: null },
    creditHours: { type: Number, default: null },
    license: { type: String, enum: Object.keys(LICENSES), required: true },
    creators: { type: [creatorSchema], default: [] },
    linkUrl: { type: String, default: null },
    coverUrl: { type: String, default: null },
    ownerUnitId: { type: Schema.Types.ObjectId, required: true },
    ownerPath: { type: [Schema.Types.ObjectId], required: true },
    regionCode: { type: String, required: true },
    status: { type: String, enum: RESOURCE_STATUSES, required: true },
    visibility: { type: String, enum: VISIBILITIES, required: true },
    version: { type: Number, required: true },
    publishedVersion: { type: Number, default: null },
    reviewComment: { type: String, default: null },
    derivedFromId: { type: Schema.Types.ObjectId, default: null },
    derivedFromOwnerUnitId: { type: Schema.Types.ObjectId, default: null },
    adoptionCount: { type: Number, default: 0 },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    updatedBy: { type: Schema.Types.ObjectId, default: null },
    publishedAt: { type: Date, default: null },
  },
  { collection: 'resources', timestamps: true, versionKey: false },
);
resourceSchema.index({ ownerUnitId: 1 });
resourceSchema.index({ ownerPath: 1 });
resourceSchema.index({ status: 1, visibility: 1 });
resourceSchema.index({ updatedAt: -1, _id: -1 });
resourceSchema.index({ derivedFromId: 1 });
resourceSchema.index({ derivedFromOwnerUnitId: 1 });
