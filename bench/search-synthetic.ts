// The catalogue generator's deterministic PRNG, so every run indexes the same catalogue.
import { seededRandom } from '../src/demo/synthetic-catalogue';
import type { SearchDocument } from '../src/search/search-document';

const TOPICS: [string, string[]][] = [
  ['晋商文化', ['晋商', '票号', '乔家大院', '日升昌', '诚信']],
  ['晋剧艺术', ['晋剧', '唱腔', '戏曲', '中路梆子', '名段']],
  ['山西面食', ['刀削面', '面食', '莜面', '揪片', '面点']],
  ['民间剪纸', ['剪纸', '窗花', '团花', '非遗', '手工']],
  ['古建筑探访', ['古建筑', '佛光寺', '应县木塔', '斗拱', '琉璃']],
  ['智能手机入门', ['智能手机', '微信', '移动支付', '视频通话', '扫码']],
  ['防范电信诈骗', ['防诈骗', '电信诈骗', '刷单', '冒充客服', '安全']],
  ['急救常识', ['急救', '心肺复苏', 'CPR', 'AED', '止血']],
  ['广场舞', ['广场舞', '健身', '舞蹈', '音乐', '队形']],
  ['中医养生', ['中医', '养生', '经络', '艾灸', '食疗']],
  ['书法入门', ['书法', '楷书', '毛笔', '临帖', '笔画']],
  ['太极拳', ['太极拳', '二十四式', '养生', '呼吸', '健身']],
  ['家庭教育', ['家庭教育', '亲子', '沟通', '隔代教育', '习惯']],
  ['设施农业', ['大棚', '种植', '病虫害', '农技', '蔬菜']],
  ['农村电商', ['电商', '直播带货', '网店', '物流', '包装']],
  ['垃圾分类', ['垃圾分类', '环保', '可回收物', '厨余垃圾', '社区']],
  ['左权民歌', ['左权民歌', '开花调', '民歌', '演唱', '方言']],
  ['平遥古城', ['平遥古城', '城墙', '县衙', '民居', '旅游']],
];
const CATEGORIES = [
  '传统文化与本土文化',
  '老年教育',
  '数字素养',
  '健康教育',
  '安全教育',
  '生活技能',
  '职业技能',
  '艺术修养',
];
const AUDIENCES = ['老年人', '社区居民', '农村居民', '青少年', '新市民', '残疾人'];
const KINDS = ['COURSEWARE_PACKAGE', 'VIDEO', 'AUDIO', 'DOCUMENT', 'IMAGE_SET', 'LINK'];
const CITIES: [string, string][] = [
  ['140100', '太原市'],
  ['140200', '大同市'],
  ['140400', '长治市'],
  ['140700', '晋中市'],
  ['140800', '运城市'],
  ['141000', '临汾市'],
];
const PHRASES = [
  '入门',
  '基础',
  '进阶',
  '实操',
  '讲座',
  '第一讲',
  '第二讲',
  '专题',
  '欣赏',
  '技巧',
  '故事',
  '历史',
];
const FILLER =
  '本课程由社区教育专兼职教师录制，结合山西本地案例讲解，适合社区居民和老年学员学习。课程配有讲义、练习与讨论，帮助学员把所学用在日常生活中。';

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/** `count` synthetic resources of a Shanxi community-education catalogue (fixed seed). */
export function syntheticCatalogue(count: number, seed = 20240601): SearchDocument[] {
  const rand = seededRandom(seed);
  const docs: SearchDocument[] = [];
  for (let i = 0; i < count; i++) {
    const [topic, words] = pick(rand, TOPICS);
    const w1 = pick(rand, words);
    const w2 = pick(rand, words);
    const [cityCode, cityName] = pick(rand, CITIES);
    const unit = `u-${cityCode}-${Math.floor(rand() * 20)}`;
    docs.push({
      id: `resource-${i.toString(16).padStart(24, '0')}`,
      type: 'RESOURCE',
      title: `${w1}${pick(rand, PHRASES)}：${topic}${pick(rand, PHRASES)}`,
      summary: `围绕${w1}与${w2}，介绍${topic}的${pick(rand, PHRASES)}内容。`,
      description: `${topic}系列第${(i % 30) + 1}课。${FILLER}`,
      keywords: [w1, w2],
      kind: pick(rand, KINDS),
      categories: [pick(rand, CATEGORIES)],
      audiences: [pick(rand, AUDIENCES), pick(rand, AUDIENCES)].filter(
        (v, k, a) => a.indexOf(v) === k,
      ),
      language: 'zh-CN',
      license: 'CC_BY_NC',
      seriesIds: [],
      seriesTitles: [topic],
      ownerUnitId: unit,
      ownerUnitName: `${cityName}社区学院`,
      ownerPath: ['u-sx', `u-${cityCode}`, unit],
      cityCode,
      cityName,
      visibility: rand() < 0.8 ? 'PUBLIC' : 'PRIVATE',
      status: rand() < 0.9 ? 'PUBLISHED' : 'DRAFT',
      durationSeconds: Math.floor(rand() * 3600),
      updatedAt: Date.UTC(2023, 0, 1) + Math.floor(rand() * 500) * 86_400_000,
      adoptionCount: Math.floor(rand() * 100),
      stamp: 1,
    });
  }
  return docs;
}

/** 20 representative queries: Chinese words and phrases, Traditional, pinyin, initials, typos, mixed. */
export const BENCH_QUERIES: readonly string[] = [
  '晋商',
  '晋剧',
  '刀削面',
  '剪纸',
  '古建筑',
  '智能手机',
  '防诈骗',
  'CPR 急救',
  '广场舞',
  '老年人 养生',
  '晉劇',
  'jinju',
  'daoxiaomian',
  'jinshang',
  'znsj',
  'jinshnag',
  '乔家大院 票号',
  '长者',
  '太极',
  '平遥',
];

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)] as number;
}
