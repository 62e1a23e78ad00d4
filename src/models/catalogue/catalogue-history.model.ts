import { Schema, Types } from 'mongoose';

/** One entry per change of a catalogue item (resource or series): who, when, which fields, old and new values. */
export interface CatalogueHistoryDoc {
  _id: Types.ObjectId;
  itemId: Types.ObjectId;
  version: number;
  action: 'CREATE' | 'UPDATE' | 'SUBMIT' | 'PUBLISH' | 'SEND_BACK' | 'ARCHIVE' | 'FORK';
  actorId: Types.ObjectId | null;
  at: Date;
  comment: string | null;
  /** Values are JSON text: keeps arbitrary values storable (no `.`/`$` key issues). */
  changes: Array<{ field: string; oldValue: string | null; newValue: string | null }>;
}

export const catalogueHistorySchema = new Schema<CatalogueHistoryDoc>(
  {
    itemId: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true },
    action: { type: String, required: true },
    actorId: { type: Schema.Types.ObjectId, default: null },
    at: { type: Date, required: true },
    comment: { type: String, default: null },
    changes: {
      type: [
        new Schema(
          {
            field: String,
            oldValue: { type: String, default: null },
            newValue: { type: String, default: null },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
  },
  { collection: 'catalogue_history', versionKey: false },
);
// One entry per version: a retried write cannot record the same change twice.
catalogueHistorySchema.index({ itemId: 1, version: 1 }, { unique: true });

/**
 * Idempotency claims for create mutations. `_id` is `<actor>:<key>`; the
 * unique _id makes the first of many identical requests win, and every retry
 * finds the same resource id.
 */
export interface IdempotencyDoc {
  _id: string;
  resultId: Types.ObjectId;
  requestHash: string;
  createdAt: Date;
}

export const idempotencySchema = new Schema<IdempotencyDoc>(
  {
    _id: { type: String, required: true },
    resultId: { type: Schema.Types.ObjectId, required: true },
    requestHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'idempotency_keys', versionKey: false },
);
idempotencySchema.index({ createdAt: 1 });
