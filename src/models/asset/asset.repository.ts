import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../database';
import type { AssetModels } from './asset-models';
import type { AssetDoc } from './asset.model';
import type { PackageDoc, ResourceContentDoc } from './package.model';

/** Assets, their package records, and which content each resource has. */
export class AssetRepository {
  constructor(private readonly models: AssetModels) {}

  findById(id: Types.ObjectId): Promise<AssetDoc | null> {
    return this.models.Asset.findById(id).lean<AssetDoc>().exec();
  }

  findByIds(ids: readonly Types.ObjectId[]): Promise<AssetDoc[]> {
    return this.models.Asset.find({ _id: { $in: ids } })
      .lean<AssetDoc[]>()
      .exec();
  }

  findBySha256(sha256: string): Promise<AssetDoc | null> {
    return this.models.Asset.findOne({ sha256 }).lean<AssetDoc>().exec();
  }

  /** Inserts the asset unless the content is already known; either way returns the one asset. */
  async insertOrGet(doc: AssetDoc): Promise<{ asset: AssetDoc; created: boolean }> {
    try {
      await this.models.Asset.create(doc);
      return { asset: doc, created: true };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const existing = await this.findBySha256(doc.sha256);
      if (!existing) throw err;
      return { asset: existing, created: false };
    }
  }

  countBySha256(sha256: string): Promise<number> {
    return this.models.Asset.countDocuments({ sha256 }).exec();
  }

  findPackageByAsset(assetId: Types.ObjectId): Promise<PackageDoc | null> {
    return this.models.Package.findOne({ assetId }).lean<PackageDoc>().exec();
  }

  findPackagesByIds(ids: readonly Types.ObjectId[]): Promise<PackageDoc[]> {
    return this.models.Package.find({ _id: { $in: ids } })
      .lean<PackageDoc[]>()
      .exec();
  }

  /** Inserts the package record unless one exists for the asset; returns the one record. */
  async insertPackageOrGet(doc: PackageDoc): Promise<PackageDoc> {
    try {
      await this.models.Package.create(doc);
      return doc;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const existing = await this.findPackageByAsset(doc.assetId);
      if (!existing) throw err;
      return existing;
    }
  }

  /** Points a resource at its current content (last writer wins: the newest ingestion). */
  async setResourceContent(doc: ResourceContentDoc): Promise<void> {
    await this.models.ResourceContent.updateOne(
      { _id: doc._id },
      { $set: doc },
      { upsert: true },
    ).exec();
  }

  resourceContents(resourceIds: readonly Types.ObjectId[]): Promise<ResourceContentDoc[]> {
    return this.models.ResourceContent.find({ _id: { $in: resourceIds } })
      .lean<ResourceContentDoc[]>()
      .exec();
  }
}
