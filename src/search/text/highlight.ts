import { HIGHLIGHT_POST, HIGHLIGHT_PRE, escapeHtml } from './html';
import { normalizeText } from './normalize';
import { pinyin } from 'pinyin-pro';
import { hasHan, splitRuns } from './tokenizer';

export interface HighlightTerms {
  /** Normalised terms found literally in the text (Han words, Latin words, digits). */
  literal: readonly string[];
  /** Latin terms that may be the pinyin or pinyin initials of Han text (jinju, jj). */
  pinyin: readonly string[];
  /** Whether a Latin term may match the beginning of a longer word (search-as-you-type). */
  prefix: boolean;
}

export interface HighlightOptions {
  /** Crop to about this many characters around the first match (with "…"); whole text when absent. */
  cropLength?: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isLatinWordChar(c: string): boolean {
  return WORD_CHAR.test(c) && !hasHan(c);
}

/**
 * Wraps matched spans of `text` in <em>…</em> and HTML-escapes the rest.
 * Matching happens on the normalised text (simplified, lower case) but the
 * original characters are returned.
 */
export function highlight(
  text: string,
  terms: HighlightTerms,
  options: HighlightOptions = {},
): string {
  const chars = Array.from(text);
  const norm = normalizedChars(text, chars);
  const marks = new Array<boolean>(chars.length).fill(false);
  const normText = norm.join('');
  // Offsets below are in code units of normText; map them back to char indexes.
  const unitToChar = unitIndex(norm);

  for (const term of terms.literal) {
    if (!term) continue;
    const latin = !hasHan(term);
    for (
      let from = normText.indexOf(term);
      from !== -1;
      from = normText.indexOf(term, from + term.length)
    ) {
      const startChar = unitToChar[from] ?? 0;
      let endChar = unitToChar[from + term.length] ?? chars.length;
      if (latin) {
        // Latin terms match whole words (or word beginnings when prefix search is on).
        if (from > 0 && isLatinWordChar(normText[from - 1] ?? '')) continue;
        if (endChar < chars.length && isLatinWordChar(norm[endChar] ?? '')) {
          if (!terms.prefix) continue;
          endChar = extendToWordEnd(norm, endChar);
        }
      }
      for (let i = startChar; i < endChar; i++) marks[i] = true;
    }
  }

  const pinyinTerms = terms.pinyin.filter((t) => t.length >= 2 && /^[a-z]+$/.test(t));
  if (pinyinTerms.length > 0) {
    for (const run of splitRuns(normText)) {
      if (!run.han) continue;
      const syllables = pinyin(run.text, { toneType: 'none', type: 'array', v: true }).map((s) =>
        s.toLowerCase(),
      );
      const runStart = unitToChar[run.start] ?? 0;
      for (const term of pinyinTerms) markPinyin(term, syllables, runStart, marks, terms.prefix);
    }
  }

  let [from, to] = [0, chars.length];
  if (options.cropLength !== undefined && chars.length > options.cropLength) {
    const first = marks.indexOf(true);
    const centre = first === -1 ? 0 : first;
    from = Math.max(
      0,
      Math.min(centre - Math.floor(options.cropLength / 4), chars.length - options.cropLength),
    );
    to = Math.min(chars.length, from + options.cropLength);
  }
  let out = from > 0 ? '…' : '';
  let open = false;
  for (let i = from; i < to; i++) {
    if (marks[i] && !open) {
      out += HIGHLIGHT_PRE;
      open = true;
    } else if (!marks[i] && open) {
      out += HIGHLIGHT_POST;
      open = false;
    }
    out += escapeHtml(chars[i] ?? '');
  }
  if (open) out += HIGHLIGHT_POST;
  if (to < chars.length) out += '…';
  return out;
}

/**
 * Normalises per character so offsets stay aligned with the original text
 * (whole-string folding could change lengths). Fast path when it doesn't.
 */
function normalizedChars(text: string, chars: string[]): string[] {
  const whole = Array.from(normalizeText(text));
  if (whole.length === chars.length) return whole;
  return chars.map((c) => {
    const n = normalizeText(c);
    return Array.from(n).length === 1 ? n : c.toLowerCase();
  });
}

function unitIndex(norm: string[]): number[] {
  const map: number[] = [];
  norm.forEach((c, i) => {
    for (let k = 0; k < c.length; k++) map.push(i);
  });
  map.push(norm.length);
  return map;
}

function extendToWordEnd(norm: string[], index: number): number {
  let i = index;
  while (i < norm.length && isLatinWordChar(norm[i] ?? '')) i++;
  return i;
}

/**
 * Marks characters whose toneless syllables (or syllable initials) spell
 * `term`: jinju → 晋剧, jj → 晋剧, and with prefix, jinsh → 晋商.
 */
function markPinyin(
  term: string,
  syllables: string[],
  runStart: number,
  marks: boolean[],
  prefix: boolean,
): void {
  for (let start = 0; start < syllables.length; start++) {
    const fullEnd = matchFull(term, syllables, start, prefix);
    const initialsEnd =
      start + term.length <= syllables.length &&
      syllables.slice(start, start + term.length).every((s, k) => s[0] === term[k])
        ? start + term.length
        : -1;
    const end = Math.max(fullEnd, initialsEnd);
    if (end > start) {
      for (let i = start; i < end; i++) marks[runStart + i] = true;
    }
  }
}

function matchFull(term: string, syllables: string[], start: number, prefix: boolean): number {
  let pos = 0;
  let i = start;
  while (i < syllables.length && pos < term.length) {
    const s = syllables[i] ?? '';
    const rest = term.slice(pos);
    if (rest.startsWith(s)) {
      pos += s.length;
      i++;
    } else if (prefix && s.startsWith(rest)) {
      return i + 1;
    } else {
      return -1;
    }
  }
  return pos === term.length ? i : -1;
}
