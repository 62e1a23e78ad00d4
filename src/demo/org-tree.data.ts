import type { OrgLevel } from '../models/org-unit/org-unit.model';

/**
 * Demo organisation tree. Province and city codes are the real GB/T 2260
 * division codes of Shanxi and its 11 prefecture-level cities; counties too.
 * Township (9-digit) and village (12-digit) codes follow the statistical
 * division-code pattern but are illustrative.
 */
export interface DemoUnit {
  code: string;
  name: string;
  regionName: string;
  level: OrgLevel;
  parentCode: string | null;
}

const city = (
  code: string,
  region: string,
  school = `${region.replace(/市$/, '')}社区大学`,
): DemoUnit => ({
  code,
  name: school,
  regionName: region,
  level: 'CITY',
  parentCode: '140000',
});
const county = (code: string, parentCode: string, region: string): DemoUnit => ({
  code,
  name: `${region}社区学院`,
  regionName: region,
  level: 'COUNTY',
  parentCode,
});
const township = (code: string, parentCode: string, region: string): DemoUnit => ({
  code,
  name: `${region}社区学校`,
  regionName: region,
  level: 'TOWNSHIP',
  parentCode,
});
const village = (code: string, parentCode: string, region: string): DemoUnit => ({
  code,
  name: `${region}社区教育站点`,
  regionName: region,
  level: 'VILLAGE',
  parentCode,
});

export const DEMO_UNITS: DemoUnit[] = [
  {
    code: '140000',
    name: '山西省社区教育指导中心',
    regionName: '山西省',
    level: 'PROVINCE',
    parentCode: null,
  },
  city('140100', '太原市'),
  city('140200', '大同市'),
  city('140300', '阳泉市'),
  city('140400', '长治市'),
  city('140500', '晋城市'),
  city('140600', '朔州市'),
  city('140700', '晋中市'),
  city('140800', '运城市'),
  city('140900', '忻州市'),
  city('141000', '临汾市'),
  city('141100', '吕梁市'),
  // 太原市
  county('140105', '140100', '小店区'),
  county('140106', '140100', '迎泽区'),
  county('140107', '140100', '杏花岭区'),
  county('140109', '140100', '万柏林区'),
  county('140110', '140100', '晋源区'),
  county('140121', '140100', '清徐县'),
  township('140105001', '140105', '坞城街道'),
  township('140105002', '140105', '营盘街道'),
  township('140106001', '140106', '柳巷街道'),
  village('140105001001', '140105001', '坞城南路社区'),
  village('140105002003', '140105002', '营盘社区'),
  // 晋中市
  county('140702', '140700', '榆次区'),
  county('140727', '140700', '祁县'),
  county('140728', '140700', '平遥县'),
  county('140781', '140700', '介休市'),
  township('140727101', '140727', '东观镇'),
  township('140728100', '140728', '古陶镇'),
  township('140728101', '140728', '段村镇'),
  village('140727101201', '140727101', '乔家堡村'),
  village('140728100001', '140728100', '古城社区'),
  village('140728101202', '140728101', '段村'),
  // 大同市
  county('140213', '140200', '平城区'),
  county('140214', '140200', '云冈区'),
  county('140225', '140200', '浑源县'),
  township('140214100', '140214', '口泉乡'),
  village('140214100201', '140214100', '云冈村'),
];

export interface DemoUser {
  username: string;
  displayName: string;
  unitCode: string;
  roles: Array<'ADMIN' | 'CURATOR' | 'AUTHOR' | 'MEMBER'>;
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'sx-admin',
    displayName: '省中心管理员 王建国',
    unitCode: '140000',
    roles: ['ADMIN', 'CURATOR'],
  },
  {
    username: 'ty-curator',
    displayName: '太原社区大学 审核员 李秀英',
    unitCode: '140100',
    roles: ['CURATOR', 'AUTHOR'],
  },
  {
    username: 'ty-admin',
    displayName: '太原社区大学 管理员 赵明',
    unitCode: '140100',
    roles: ['ADMIN'],
  },
  {
    username: 'xd-author',
    displayName: '小店区社区学院 作者 张丽',
    unitCode: '140105',
    roles: ['AUTHOR'],
  },
  {
    username: 'jz-curator',
    displayName: '晋中社区大学 审核员 刘志强',
    unitCode: '140700',
    roles: ['CURATOR', 'AUTHOR'],
  },
  {
    username: 'py-author',
    displayName: '平遥县社区学院 作者 陈晓梅',
    unitCode: '140728',
    roles: ['AUTHOR'],
  },
  {
    username: 'qx-author',
    displayName: '祁县社区学院 作者 乔文博',
    unitCode: '140727',
    roles: ['AUTHOR', 'CURATOR'],
  },
  {
    username: 'dt-curator',
    displayName: '大同社区大学 审核员 杨帆',
    unitCode: '140200',
    roles: ['CURATOR', 'AUTHOR'],
  },
  {
    username: 'gt-member',
    displayName: '古陶镇社区学校 成员 郭大爷',
    unitCode: '140728100',
    roles: ['MEMBER'],
  },
];
