import { Schema, Types } from 'mongoose';
import type { PackageFormat } from '../../ingest';

/**
 * A courseware package as parsed by the ingest core, one per asset (unique
 * `assetId`): identical packages share it, like they share the bytes. Its
 * existence also means "extracted": it is inserted only after every file is
 * under `packages/<sha256>/`.
 *
 * The outline, entry points, LOM and warnings are stored as JSON text: they
 * are nested arbitrarily deep, may hold keys FerretDB refuses (`.`/`$`), and
 * are only ever read whole.
 */
export interface PackageDoc {
  _id: Types.ObjectId;
  assetId: Types.ObjectId;
  sha256: string;
  format: PackageFormat;
  formatVersion: string | null;
  identifier: string | null;
  title: string;
  description: string | null;
  language: string | null;
  keywords: string[];
  /** Folder holding the manifest inside the archive ('' or `course/`). */
  rootPath: string;
  defaultOutlineId: string | null;
  /** S3 prefix the files were extracted under: `packages/<sha256>/`. */
  contentPrefix: string;
  fileCount: number;
  totalSize: number;
  metadataJson: string | null;
  outlinesJson: string;
  entryPointsJson: string;
  warningsJson: string;
  createdAt: Date;
}

export const packageSchema = new Schema<PackageDoc>(
  {
    assetId: { type: Schema.Types.ObjectId, required: true },
    sha256: { type: String, required: true },
    format: { type: String, required: true },
    formatVersion: { type: String, default: null },
    identifier: { type: String, default: null },
    title: { type: String, required: true },
    description: { type: String, default: null },
    language: { type: String, default: null },
    keywords: { type: [String], default: [] },
    rootPath: { type: String, default: '' },
    defaultOutlineId: { type: String, default: null },
    contentPrefix: { type: String, required: true },
    fileCount: { type: Number, required: true },
    totalSize: { type: Number, required: true },
    metadataJson: { type: String, default: null },
    outlinesJson: { type: String, required: true },
    entryPointsJson: { type: String, required: true },
    warningsJson: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'packages', versionKey: false },
);
packageSchema.index({ assetId: 1 }, { unique: true });

/**
 * Which content a catalogue resource currently has. `_id` is the resource id:
 * kept on our side so the catalogue's documents need no upload fields; each
 * new version's ingestion overwrites it.
 */
export interface ResourceContentDoc {
  _id: Types.ObjectId;
  assetId: Types.ObjectId;
  packageId: Types.ObjectId | null;
  jobId: Types.ObjectId;
  uploadId: Types.ObjectId;
  updatedAt: Date;
}

export const resourceContentSchema = new Schema<ResourceContentDoc>(
  {
    assetId: { type: Schema.Types.ObjectId, required: true },
    packageId: { type: Schema.Types.ObjectId, default: null },
    jobId: { type: Schema.Types.ObjectId, required: true },
    uploadId: { type: Schema.Types.ObjectId, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'resource_contents', versionKey: false },
);
resourceContentSchema.index({ assetId: 1 });
