import { LICENSES, type License } from '../models/catalogue/vocabulary';
import { indexedValues } from './indexer';

/**
 * Chinese labels of facet values that are codes. Categories, audiences and
 * licences take theirs from the catalogue vocabulary; kinds, item types and
 * languages have no vocabulary labels, so they are named here.
 */
const KIND_LABELS: Record<string, string> = {
  COURSEWARE_PACKAGE: '课件包',
  VIDEO: '视频',
  AUDIO: '音频',
  DOCUMENT: '文档',
  IMAGE_SET: '图集',
  LINK: '外部链接',
};

const TYPE_LABELS: Record<string, string> = { RESOURCE: '资源', SERIES: '系列' };

const LANGUAGE_LABELS: Record<string, string> = {
  'zh-CN': '简体中文',
  'zh-TW': '繁体中文',
  'zh-HK': '繁体中文（香港）',
  zh: '中文',
  en: '英语',
  'en-US': '英语',
  'en-GB': '英语',
};

export const facetLabels = {
  kind: (v: string) => KIND_LABELS[v] ?? v,
  type: (v: string) => TYPE_LABELS[v] ?? v,
  language: (v: string) => LANGUAGE_LABELS[v] ?? v,
  license: (v: string) => (v in LICENSES ? LICENSES[v as License].label : v),
  /** Indexed category label → [API code, label]; undefined for values outside the vocabulary. */
  category: (indexed: string): [string, string] | undefined => {
    const code = indexedValues.categoryCode(indexed);
    return code ? [code, indexed] : undefined;
  },
  audience: (indexed: string): [string, string] | undefined => {
    const code = indexedValues.audienceCode(indexed);
    return code ? [code, indexed] : undefined;
  },
};
