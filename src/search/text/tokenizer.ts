import { normalizeText } from './normalize';
import { cutForSearch, cutWords } from './segmenter';

export interface TextRun {
  text: string;
  /** True for a run of Han characters (segmented by jieba); false for a Latin/digit word. */
  han: boolean;
  /** Offset of the run in the normalised text. */
  start: number;
}

// Han runs, or words of any other letters/digits. Everything else (spaces,
// punctuation, symbols) separates tokens.
const RUN = /(\p{Script=Han}+)|([\p{L}\p{N}]+)/gu;

/**
 * Function words that only add noise to an AND query; dropped from both
 * sides. Kept tiny on purpose: 不 or 无 change meaning and must stay.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  '的',
  '了',
  '和',
  '与',
  '及',
  '或',
  '之',
  '在',
  '是',
  '把',
  '被',
  '对',
  '等',
]);

/** Splits already-normalised text into Han runs and Latin/digit words. */
export function splitRuns(normalized: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const m of normalized.matchAll(RUN)) {
    runs.push({ text: m[0], han: m[1] !== undefined, start: m.index ?? 0 });
  }
  return runs;
}

/**
 * Tokens stored in the index: normalised, Han runs cut in search mode so
 * sub-words are findable (乔家大院 → 乔家, 大院, 乔家大院), duplicates kept
 * because term frequency matters for ranking.
 */
export function indexTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const run of splitRuns(normalizeText(text))) {
    if (!run.han) {
      tokens.push(run.text);
      continue;
    }
    for (const word of cutForSearch(run.text)) {
      if (!STOP_WORDS.has(word)) tokens.push(word);
    }
  }
  return tokens;
}

/**
 * Tokens of a user query: Han runs cut without sub-words (the index holds
 * both whole words and sub-words, so whole words are the precise choice).
 */
export function queryTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const run of splitRuns(normalizeText(text))) {
    if (!run.han) tokens.push(run.text);
    else tokens.push(...cutWords(run.text).filter((w) => w.trim() !== ''));
  }
  const meaningful = tokens.filter((t) => !STOP_WORDS.has(t));
  // A query made only of stop words (e.g. "的") still searches for them.
  return dedupe(meaningful.length > 0 ? meaningful : tokens);
}

function dedupe(tokens: string[]): string[] {
  return Array.from(new Set(tokens));
}

export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
