import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ObjectId } from 'mongodb';
import { loadConfig, type S3Config } from '../../src/config';
import { withContainer } from '../../src/cli/database-session';
import { seedOrgTree } from '../../src/demo/seed-org-tree';
import { generateSyntheticCatalogue, seededRandom } from '../../src/demo/synthetic-catalogue';
import { startFerretdb, type EmbeddedFerretdb } from '../../src/embedded/ferretdb';
import { startS3rver, type EmbeddedS3 } from '../../src/embedded/s3rver';

/**
 * The services every process of a run shares: one FerretDB (its own process)
 * and one s3rver (idle during the measurements, so it runs in the runner).
 * Hub and baselines read the same FerretDB, so ratios compare code, not servers.
 */
export interface BenchEnvironment {
  mongodbUri: string;
  s3: S3Config;
  /** Scratch space of this run; removed by stop(). */
  dir: string;
  ferretdbPid: number;
  stop(): Promise<void>;
}

export async function startEnvironment(): Promise<BenchEnvironment> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));
  let ferret: EmbeddedFerretdb | undefined;
  let s3: EmbeddedS3 | undefined;
  try {
    ferret = await startFerretdb({ dataDir: path.join(dir, 'ferretdb') });
    s3 = await startS3rver({ dataDir: path.join(dir, 's3') });
  } catch (err) {
    await ferret?.stop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const f = ferret;
  const s = s3;
  return {
    mongodbUri: f.uri,
    s3: s.config,
    dir,
    ferretdbPid: f.process.pid ?? -1,
    async stop() {
      await s.stop().catch(() => undefined);
      await f.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface CatalogueInfo {
  database: string;
  seed: number;
  resources: number;
  series: number;
  /** Published PUBLIC resources: what an anonymous caller sees. */
  publicResources: number;
  /** Resources given a synthetic uploaded asset (resource_contents + assets). */
  withAsset: number;
  generateMs: number;
  /** Ids (hex) of public resources, in a seeded order, for detail requests. */
  sampleIds: string[];
}

/**
 * Loads the demo organisation tree and a synthetic catalogue of `resources`
 * items (fixed seed) into a fresh database, then links a seeded third of the
 * resources to synthetic assets the way ingestion does (`resource_contents`
 * → `assets`), so the asset relation has something to load.
 */
export async function prepareCatalogue(
  env: BenchEnvironment,
  database: string,
  resources: number,
  seed: number,
  onProgress?: (done: number, total: number) => void,
): Promise<CatalogueInfo> {
  const config = loadConfig({ MONGODB_URI: env.mongodbUri, MONGODB_DATABASE: database });
  const t0 = performance.now();
  return withContainer(config, async (c) => {
    await seedOrgTree(c.repos);
    const generated = await generateSyntheticCatalogue(c.models, {
      resources,
      seed,
      onProgress,
    });
    const db = c.models.connection.db!;
    const random = seededRandom(seed + 1);
    const all = await db
      .collection('resources')
      .find({}, { projection: { _id: 1, status: 1, visibility: 1, ownerUnitId: 1 } })
      .sort({ _id: 1 })
      .toArray();
    let withAsset = 0;
    const kinds = ['VIDEO', 'AUDIO', 'DOCUMENT', 'PACKAGE'] as const;
    const types = {
      VIDEO: 'video/mp4',
      AUDIO: 'audio/mpeg',
      DOCUMENT: 'application/pdf',
      PACKAGE: 'application/zip',
    };
    for (let i = 0; i < all.length; i += 1000) {
      const assets: Record<string, unknown>[] = [];
      const links: Record<string, unknown>[] = [];
      for (const r of all.slice(i, i + 1000)) {
        if (random() >= 1 / 3) continue;
        const kind = kinds[Math.floor(random() * kinds.length)];
        const assetId = new ObjectId();
        const sha256 = `${assetId.toHexString()}${'0'.repeat(40)}`;
        const at = new Date(Date.UTC(2025, 6, 1));
        assets.push({
          _id: assetId,
          sha256,
          size: 1_000_000 + Math.floor(random() * 200_000_000),
          mediaType: types[kind],
          kind,
          key: `content/sha256/${sha256.slice(0, 2)}/${sha256}`,
          originalFilename: `synthetic-${withAsset}.${kind === 'PACKAGE' ? 'zip' : 'bin'}`,
          createdBy: new ObjectId(),
          unitId: r.ownerUnitId,
          media: null,
          createdAt: at,
        });
        links.push({
          _id: r._id,
          assetId,
          packageId: null,
          jobId: new ObjectId(),
          uploadId: new ObjectId(),
          updatedAt: at,
        });
        withAsset++;
      }
      if (assets.length) {
        await db.collection('assets').insertMany(assets, { ordered: false });
        await db.collection('resource_contents').insertMany(links, { ordered: false });
      }
    }
    const visible = all.filter((r) => r.status === 'PUBLISHED' && r.visibility === 'PUBLIC');
    const pick = seededRandom(seed + 2);
    const sampleIds: string[] = [];
    for (let i = 0; i < Math.min(500, visible.length); i++)
      sampleIds.push(String(visible[Math.floor(pick() * visible.length)]._id));
    return {
      database,
      seed,
      resources: generated.resources,
      series: generated.series,
      publicResources: visible.length,
      withAsset,
      generateMs: Math.round(performance.now() - t0),
      sampleIds,
    };
  });
}
