import { Schema, Types } from 'mongoose';
import type { UploadKind } from './upload.model';

/** What `inspectMedia` found out about a standalone media file. */
export interface MediaInfo {
  kind: string;
  mime: string;
  ext: string;
  durationSeconds: number | null;
  container: string | null;
  codec: string | null;
  sampleRate: number | null;
  numberOfChannels: number | null;
  bitrate: number | null;
  title: string | null;
}

/**
 * One distinct content, stored once under a key derived from its SHA-256
 * (`content/sha256/ab/abcdef…`). The unique index on `sha256` is what makes
 * two counties uploading the same package end up with one object and one asset.
 */
export interface AssetDoc {
  _id: Types.ObjectId;
  sha256: string;
  size: number;
  mediaType: string;
  kind: UploadKind;
  key: string;
  originalFilename: string;
  /** Who first uploaded it (later identical uploads reuse this asset). */
  createdBy: Types.ObjectId;
  unitId: Types.ObjectId;
  media: MediaInfo | null;
  createdAt: Date;
}

const mediaSchema = new Schema<MediaInfo>(
  {
    kind: String,
    mime: String,
    ext: String,
    durationSeconds: { type: Number, default: null },
    container: { type: String, default: null },
    codec: { type: String, default: null },
    sampleRate: { type: Number, default: null },
    numberOfChannels: { type: Number, default: null },
    bitrate: { type: Number, default: null },
    title: { type: String, default: null },
  },
  { _id: false },
);

export const assetSchema = new Schema<AssetDoc>(
  {
    sha256: { type: String, required: true },
    size: { type: Number, required: true },
    mediaType: { type: String, required: true },
    kind: { type: String, required: true },
    key: { type: String, required: true },
    originalFilename: { type: String, required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    unitId: { type: Schema.Types.ObjectId, required: true },
    media: { type: mediaSchema, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'assets', versionKey: false },
);
assetSchema.index({ sha256: 1 }, { unique: true });
