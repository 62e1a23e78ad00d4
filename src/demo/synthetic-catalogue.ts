import { Types } from 'mongoose';
import type { Models } from '../models/models';
import type { OrgUnitDoc } from '../models/org-unit/org-unit.model';
import type { ResourceDoc } from '../models/catalogue/resource.model';
import type { SeriesDoc } from '../models/catalogue/series.model';
import { AUDIENCES, CATEGORIES, LICENSES, RESOURCE_KINDS } from '../models/catalogue/vocabulary';

/**
 * Large synthetic catalogues for benchmarks (10k–100k resources), generated
 * from a fixed seed so runs compare like with like. Writes go straight to
 * MongoDB in batches (the services' per-item history and checks would make
 * 100k inserts take minutes); the documents have exactly the shape the
 * services write.
 */
export interface SyntheticOptions {
  resources: number;
  seed?: number;
  /** Resources per series (one series per this many resources). */
  seriesEvery?: number;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  '晋商',
  '晋剧',
  '刀削面',
  '剪纸',
  '古建筑',
  '智能手机',
  '防诈骗',
  '大棚蔬菜',
  '电商直播',
  '八段锦',
  '书法',
  '广场舞',
  '心肺复苏',
  '垃圾分类',
  '民法典',
  '家政服务',
  '小杂粮',
  '汾河生态',
  '平遥古城',
  '云冈石窟',
];
const FORMS = ['入门', '实用技巧', '案例讲解', '跟练', '常见问题', '专题讲座', '图解', '进阶'];

export async function generateSyntheticCatalogue(
  models: Models,
  opts: SyntheticOptions,
): Promise<{ resources: number; series: number }> {
  const random = seededRandom(opts.seed ?? 20261128);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const units = await models.OrgUnit.find({ level: { $in: ['CITY', 'COUNTY', 'TOWNSHIP'] } }).lean<
    OrgUnitDoc[]
  >();
  if (!units.length) throw new Error('no units: load the demo organisation tree first');
  const categories = Object.keys(CATEGORIES) as Array<keyof typeof CATEGORIES>;
  const audiences = Object.keys(AUDIENCES) as Array<keyof typeof AUDIENCES>;
  const licenses = Object.keys(LICENSES) as Array<keyof typeof LICENSES>;
  const visibilities = ['PUBLIC', 'PUBLIC', 'PROVINCE', 'SUBTREE', 'PRIVATE'] as const;
  const batchSize = opts.batchSize ?? 1000;
  const seriesEvery = opts.seriesEvery ?? 20;
  const start = Date.UTC(2025, 0, 1);

  let episodes: Types.ObjectId[] = [];
  let seriesCount = 0;
  for (let offset = 0; offset < opts.resources; offset += batchSize) {
    const rows: ResourceDoc[] = [];
    const series: SeriesDoc[] = [];
    for (let i = offset; i < Math.min(opts.resources, offset + batchSize); i++) {
      const unit = pick(units);
      const subject = pick(SUBJECTS);
      const at = new Date(start + Math.floor(random() * 600 * 86_400_000));
      const published = random() < 0.9;
      const doc: ResourceDoc = {
        _id: new Types.ObjectId(),
        kind: pick(RESOURCE_KINDS),
        title: `${subject}${pick(FORMS)}（第${i + 1}讲）`,
        subtitle: null,
        summary: `${unit.regionName}${subject}学习资源，适合社区学习点使用。`,
        description: null,
        keywords: [subject, pick(SUBJECTS)],
        categories: [pick(categories)],
        audiences: [pick(audiences), pick(audiences)].filter((a, k, xs) => xs.indexOf(a) === k),
        language: 'zh-CN',
        durationSeconds: 300 + Math.floor(random() * 3300),
        difficulty: null,
        creditHours: 1,
        license: pick(licenses),
        creators: [{ name: '合成数据', role: 'AUTHOR' }],
        linkUrl: null,
        coverUrl: null,
        ownerUnitId: unit._id,
        ownerPath: [...unit.ancestorIds, unit._id],
        regionCode: unit.code,
        status: published ? 'PUBLISHED' : 'DRAFT',
        visibility: pick(visibilities),
        version: published ? 3 : 1,
        publishedVersion: published ? 3 : null,
        reviewComment: null,
        derivedFromId: null,
        derivedFromOwnerUnitId: null,
        adoptionCount: 0,
        createdBy: null,
        updatedBy: null,
        publishedAt: published ? at : null,
        createdAt: at,
        updatedAt: at,
      };
      rows.push(doc);
      episodes.push(doc._id);
      if (episodes.length === seriesEvery) {
        series.push({
          _id: new Types.ObjectId(),
          title: `${subject}系列 ${++seriesCount}`,
          subtitle: null,
          description: `${subject}相关课程合集`,
          themeTags: [subject],
          regionCode: unit.code,
          coverUrl: null,
          episodeIds: episodes,
          ownerUnitId: unit._id,
          ownerPath: [...unit.ancestorIds, unit._id],
          visibility: 'PUBLIC',
          status: 'PUBLISHED',
          version: 3,
          publishedVersion: 3,
          reviewComment: null,
          createdBy: null,
          updatedBy: null,
          publishedAt: at,
          createdAt: at,
          updatedAt: at,
        });
        episodes = [];
      }
    }
    await models.Resource.insertMany(rows, { ordered: false, lean: true });
    if (series.length) await models.Series.insertMany(series, { ordered: false, lean: true });
    opts.onProgress?.(Math.min(opts.resources, offset + batchSize), opts.resources);
  }
  return { resources: opts.resources, series: seriesCount };
}
