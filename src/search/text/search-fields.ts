import type { SearchDocument } from '../search-document';
import { toSimplified } from './normalize';
import { pinyinOf } from './pinyin';
import { splitRuns } from './tokenizer';
import { cutForSearch } from './segmenter';

/** Bump when the derived fields change, so persisted indexes are rebuilt. */
export const SEARCH_FIELDS_VERSION = 2;

/**
 * Extra fields derived from a document for matching only. Meilisearch indexes
 * them as ordinary searchable attributes (it does no pinyin folding of its
 * own); the embedded engine indexes the very same strings, so both adapters
 * match alike.
 */
export interface DerivedSearchFields {
  /** Simplified form of text fields written in Traditional characters; '' when nothing differs. */
  _simplified: string;
  /** Toneless pinyin of the title's words and whole title runs: "jinju jinjuyishu …". */
  _titlePinyin: string;
  /** Pinyin initials of the same: "jj jjys …". */
  _titleInitials: string;
  /** Toneless pinyin of the other title-like fields (subtitle, keywords, series titles). */
  _pinyin: string;
  /** Pinyin initials of the same words and runs: "jj sxjj …". */
  _initials: string;
}

export const DERIVED_FIELD_NAMES = [
  '_simplified',
  '_titlePinyin',
  '_titleInitials',
  '_pinyin',
  '_initials',
] as const;

// Fields whose words people type as pinyin, apart from the title (kept in
// fields of its own so a pinyin query ranks title matches like a Chinese one).
// Summaries and descriptions are left out: their pinyin mostly adds false
// positives and index size.
function pinyinSources(doc: SearchDocument): string[] {
  return [doc.subtitle ?? '', ...doc.keywords, ...doc.seriesTitles];
}

function pinyinForms(sources: string[]): { full: Set<string>; initials: Set<string> } {
  const full = new Set<string>();
  const initials = new Set<string>();
  for (const source of sources) {
    for (const run of splitRuns(toSimplified(source.normalize('NFKC')))) {
      if (!run.han || run.text.length < 2) continue;
      // The whole run lets people type a title's pinyin as they read it
      // (prefix search then finds "shanxijinju…" from "shanxijin").
      addForms(run.text, full, initials);
      for (const word of cutForSearch(run.text)) {
        if (word.length >= 2) addForms(word, full, initials);
      }
    }
  }
  return { full, initials };
}

export function buildSearchFields(doc: SearchDocument): DerivedSearchFields {
  const title = pinyinForms([doc.title]);
  const { full, initials } = pinyinForms(pinyinSources(doc));

  const simplified: string[] = [];
  const texts = [
    doc.title,
    doc.subtitle,
    doc.summary,
    doc.description,
    ...doc.keywords,
    ...doc.seriesTitles,
  ];
  for (const text of texts) {
    if (!text) continue;
    const folded = toSimplified(text);
    if (folded !== text) simplified.push(folded);
  }

  return {
    _simplified: simplified.join('\n'),
    _titlePinyin: Array.from(title.full).join(' '),
    _titleInitials: Array.from(title.initials).join(' '),
    _pinyin: Array.from(full).join(' '),
    _initials: Array.from(initials).join(' '),
  };
}

function addForms(word: string, full: Set<string>, initials: Set<string>): void {
  const forms = pinyinOf(word);
  if (forms.full) full.add(forms.full);
  if (forms.initials.length >= 2) initials.add(forms.initials);
}
