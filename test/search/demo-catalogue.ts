import type { SearchDocument } from '../../src/search/search-document';
import { Filters, type Filter } from '../../src/search/search-filter';

/** A small Shanxi community-education catalogue built by factories, shared by the contract suite. */

const DAY = 86_400_000;
const BASE_TIME = Date.UTC(2024, 0, 1);

// Unit tree: 山西省 → 太原市 → 小店区; 山西省 → 晋中市 → 平遥县; 山西省 → 大同市; 山西省 → 长治市.
export const UNITS = {
  province: { id: 'u-sx', name: '山西省社区教育指导中心', path: ['u-sx'] },
  taiyuan: {
    id: 'u-ty',
    name: '太原市社区大学',
    path: ['u-sx', 'u-ty'],
    city: ['140100', '太原市'],
  },
  xiaodian: {
    id: 'u-xd',
    name: '小店区社区学院',
    path: ['u-sx', 'u-ty', 'u-xd'],
    city: ['140100', '太原市'],
    county: ['140105', '小店区'],
  },
  jinzhong: {
    id: 'u-jz',
    name: '晋中市社区大学',
    path: ['u-sx', 'u-jz'],
    city: ['140700', '晋中市'],
  },
  pingyao: {
    id: 'u-py',
    name: '平遥县社区学校',
    path: ['u-sx', 'u-jz', 'u-py'],
    city: ['140700', '晋中市'],
    county: ['140728', '平遥县'],
  },
  datong: {
    id: 'u-dt',
    name: '大同市社区大学',
    path: ['u-sx', 'u-dt'],
    city: ['140200', '大同市'],
  },
  changzhi: {
    id: 'u-cz',
    name: '长治市社区大学',
    path: ['u-sx', 'u-cz'],
    city: ['140400', '长治市'],
  },
} as const;

type Unit = (typeof UNITS)[keyof typeof UNITS];

let counter = 0;
function hex24(seed: number): string {
  return seed.toString(16).padStart(24, '0');
}

interface DocInput
  extends Partial<Omit<SearchDocument, 'ownerUnitId' | 'ownerUnitName' | 'ownerPath'>> {
  title: string;
  owner?: Unit;
}

function make(type: SearchDocument['type'], input: DocInput): SearchDocument {
  counter += 1;
  const owner = input.owner ?? UNITS.taiyuan;
  const { owner: _owner, ...rest } = input;
  const doc: SearchDocument = {
    id: `${type === 'SERIES' ? 'series' : 'resource'}-${hex24(counter)}`,
    type,
    keywords: [],
    categories: [],
    audiences: ['社区居民'],
    language: 'zh-CN',
    license: 'CC_BY_NC',
    seriesIds: [],
    seriesTitles: [],
    ownerUnitId: owner.id,
    ownerUnitName: owner.name,
    ownerPath: [...owner.path],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
    updatedAt: BASE_TIME + counter * DAY,
    adoptionCount: (counter * 7) % 23,
    stamp: 1,
    ...rest,
  };
  if ('city' in owner && doc.cityCode === undefined) {
    doc.cityCode = owner.city[0];
    doc.cityName = owner.city[1];
  }
  if ('county' in owner && doc.countyCode === undefined) {
    doc.countyCode = owner.county[0];
    doc.countyName = owner.county[1];
  }
  return doc;
}

export const series = (input: DocInput) => make('SERIES', input);
export const resource = (input: DocInput) => make('RESOURCE', { kind: 'VIDEO', ...input });

function inSeries(s: SearchDocument): Pick<SearchDocument, 'seriesIds' | 'seriesTitles'> {
  return { seriesIds: [s.id], seriesTitles: [s.title] };
}

export function buildDemoCatalogue() {
  counter = 0;
  const jinshang = series({
    title: '晋商文化',
    summary: '走进明清晋商的兴衰历程与诚信精神。',
    description: '本系列通过乔家大院、日升昌票号等实地讲解，介绍晋商的经营之道。',
    keywords: ['晋商', '传统文化'],
    categories: ['传统文化与本土文化'],
    owner: UNITS.jinzhong,
  });
  const jinju = series({
    title: '晋剧艺术',
    summary: '山西地方戏曲的唱腔、身段与名家名段。',
    keywords: ['戏曲', '地方戏'],
    categories: ['传统文化与本土文化', '艺术修养'],
  });
  const mianshi = series({
    title: '山西面食',
    summary: '从家常面到宴席面点，学做山西特色面食。',
    keywords: ['美食', '烹饪'],
    categories: ['生活技能'],
    owner: UNITS.xiaodian,
  });
  const jianzhi = series({
    title: '民间剪纸技艺',
    summary: '学习团花、喜字等山西民间剪纸。',
    keywords: ['非遗', '手工'],
    categories: ['传统文化与本土文化'],
    owner: UNITS.pingyao,
  });
  const gujian = series({
    title: '山西古建筑巡礼',
    summary: '领略唐宋元明清木构古建筑之美。',
    keywords: ['建筑', '文物'],
    categories: ['传统文化与本土文化'],
    owner: UNITS.pingyao,
  });

  const r = {
    qiaojia: resource({
      title: '乔家大院：晋商的家族传奇',
      summary: '乔家大院的建筑格局与乔致庸的经商故事。',
      keywords: ['乔家大院', '晋商', '民居'],
      categories: ['传统文化与本土文化'],
      durationSeconds: 1800,
      owner: UNITS.jinzhong,
      ...inSeries(jinshang),
    }),
    piaohao: resource({
      title: '日升昌与中国票号',
      summary: '中国第一家票号日升昌如何汇通天下。',
      keywords: ['票号', '金融史'],
      categories: ['传统文化与本土文化'],
      durationSeconds: 1500,
      owner: UNITS.pingyao,
      ...inSeries(jinshang),
    }),
    changqiang: resource({
      title: '晋剧唱腔入门',
      summary: '跟着老艺人学唱晋剧经典唱段。',
      keywords: ['唱腔', '戏曲'],
      kind: 'AUDIO',
      categories: ['艺术修养'],
      durationSeconds: 1200,
      ...inSeries(jinju),
    }),
    zhonglu: resource({
      title: '中路梆子名家名段赏析',
      summary: '丁果仙、牛桂英等名家的经典录音。',
      keywords: ['戏曲', '赏析'],
      kind: 'AUDIO',
      categories: ['艺术修养'],
      durationSeconds: 2400,
    }),
    daoxiaomian: resource({
      title: '刀削面的制作',
      summary: '和面、揉面到一刀一刀削出柳叶面。',
      description: '适合零基础学员，配有分步骤视频与图文讲义。',
      keywords: ['刀削面', '面食', '厨艺'],
      categories: ['生活技能'],
      durationSeconds: 900,
      owner: UNITS.xiaodian,
      ...inSeries(mianshi),
    }),
    jianzhi: resource({
      title: '剪纸入门：团花与喜字',
      summary: '一把剪刀一张红纸，学会三种基本折剪方法。',
      keywords: ['剪纸', '手工'],
      kind: 'COURSEWARE_PACKAGE',
      categories: ['传统文化与本土文化'],
      owner: UNITS.pingyao,
      ...inSeries(jianzhi),
    }),
    foguangsi: resource({
      title: '佛光寺东大殿：唐代木构',
      summary: '梁思成发现佛光寺的故事与唐代建筑特点。',
      keywords: ['古建筑', '唐代'],
      kind: 'DOCUMENT',
      categories: ['传统文化与本土文化'],
      owner: UNITS.pingyao,
      ...inSeries(gujian),
    }),
    shouji: resource({
      title: '老年人智能手机入门',
      summary: '教老年人用手机视频通话、扫码和防范陷阱。',
      description: '第一课：认识触屏与微信；第二课：移动支付与安全。',
      keywords: ['数字素养', '微信', 'WeChat'],
      kind: 'COURSEWARE_PACKAGE',
      categories: ['老年教育', '数字素养'],
      audiences: ['老年人'],
      owner: UNITS.xiaodian,
    }),
    fanzha: resource({
      title: '防范电信网络诈骗',
      summary: '识破冒充客服、刷单返利等常见骗局。',
      keywords: ['防诈骗', '安全'],
      categories: ['安全教育'],
      audiences: ['老年人', '社区居民'],
      durationSeconds: 720,
      adoptionCount: 40,
    }),
    cpr: resource({
      title: 'CPR 急救 <入门> & 实操',
      summary: '心肺复苏与AED使用的标准步骤。',
      keywords: ['健康', 'AED'],
      categories: ['健康教育'],
      durationSeconds: 600,
      owner: UNITS.changzhi,
    }),
    guangchangwu: resource({
      title: '广场舞基础教程',
      summary: '适合中老年朋友的十套基础动作。',
      keywords: ['健身', '舞蹈'],
      categories: ['健康教育'],
      audiences: ['老年人'],
      durationSeconds: 1300,
      owner: UNITS.datong,
    }),
    shangdang: resource({
      title: '长治上党梆子欣赏',
      summary: '长治地区的传统剧种上党梆子。',
      keywords: ['戏曲'],
      kind: 'AUDIO',
      categories: ['艺术修养'],
      durationSeconds: 2000,
      owner: UNITS.changzhi,
    }),
    nongji: resource({
      title: '设施农业种植技术',
      summary: '大棚蔬菜的栽培与病虫害防治。',
      keywords: ['农技', '大棚'],
      kind: 'LINK',
      categories: ['职业技能'],
      audiences: ['农村居民'],
      owner: UNITS.jinzhong,
    }),
  };

  // Visibility fixtures, seen from 小店区 (u-xd).
  const v = {
    otherPrivate: resource({
      title: '晋商家书整理（内部草稿）',
      summary: '大同市社区大学内部整理中的晋商家书。',
      keywords: ['晋商'],
      kind: 'DOCUMENT',
      categories: ['传统文化与本土文化'],
      visibility: 'PRIVATE',
      status: 'DRAFT',
      owner: UNITS.datong,
    }),
    ownPrivate: resource({
      title: '小店区晋商讲座备课',
      keywords: ['晋商'],
      kind: 'DOCUMENT',
      categories: ['传统文化与本土文化'],
      visibility: 'PRIVATE',
      status: 'DRAFT',
      owner: UNITS.xiaodian,
    }),
    ancestorSubtree: resource({
      title: '太原市社区讲师培训手册',
      kind: 'DOCUMENT',
      categories: ['师资培训'],
      visibility: 'SUBTREE',
      owner: UNITS.taiyuan,
    }),
    foreignSubtree: resource({
      title: '晋中市社区讲师培训手册',
      kind: 'DOCUMENT',
      categories: ['师资培训'],
      visibility: 'SUBTREE',
      owner: UNITS.jinzhong,
    }),
    province: resource({
      title: '全省社区教育工作要点',
      kind: 'DOCUMENT',
      categories: ['师资培训'],
      visibility: 'PROVINCE',
      owner: UNITS.province,
    }),
    publicDraft: resource({
      title: '晋商票号研究（审核中）',
      keywords: ['晋商', '票号'],
      kind: 'DOCUMENT',
      categories: ['传统文化与本土文化'],
      status: 'IN_REVIEW',
      owner: UNITS.jinzhong,
    }),
  };

  const seriesDocs = { jinshang, jinju, mianshi, jianzhi, gujian };
  const all: SearchDocument[] = [
    ...Object.values(seriesDocs),
    ...Object.values(r),
    ...Object.values(v),
  ];
  return { series: seriesDocs, resources: r, visibility: v, all };
}

export type DemoCatalogue = ReturnType<typeof buildDemoCatalogue>;

/** The visibility rule the authorization policy hands to search, for a viewer in `unit`. */
export function visibilityFilter(unit: Unit): Filter {
  return Filters.or(
    Filters.and(Filters.eq('visibility', 'PUBLIC'), Filters.eq('status', 'PUBLISHED')),
    Filters.and(Filters.eq('visibility', 'PROVINCE'), Filters.eq('status', 'PUBLISHED')),
    Filters.eq('ownerPath', unit.id),
    Filters.and(
      Filters.eq('visibility', 'SUBTREE'),
      Filters.eq('status', 'PUBLISHED'),
      Filters.in('ownerUnitId', [...unit.path]),
    ),
  );
}

/** The same rule written independently as plain code, to compute expectations. */
export function visibleTo(unit: Unit, doc: SearchDocument): boolean {
  const published = doc.status === 'PUBLISHED';
  if ((doc.visibility === 'PUBLIC' || doc.visibility === 'PROVINCE') && published) return true;
  if (doc.ownerPath.includes(unit.id)) return true;
  return (
    doc.visibility === 'SUBTREE' &&
    published &&
    (unit.path as readonly string[]).includes(doc.ownerUnitId)
  );
}
