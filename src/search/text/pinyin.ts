import { pinyin } from 'pinyin-pro';

export interface PinyinForms {
  /** Toneless syllables joined: 晋剧 → jinju. */
  full: string;
  /** First letters: 晋剧 → jj. */
  initials: string;
}

// Vocabulary is bounded in practice, but a cap keeps a pathological catalogue
// from growing the cache without limit.
const CACHE_LIMIT = 200_000;
const cache = new Map<string, PinyinForms>();

/**
 * Pinyin of a Han word computed on the whole word, so pinyin-pro resolves
 * polyphones in context (长治 → changzhi, 银行 → yinhang).
 */
export function pinyinOf(word: string): PinyinForms {
  const cached = cache.get(word);
  if (cached) return cached;
  const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true }).map((s) =>
    s.toLowerCase(),
  );
  const forms: PinyinForms = {
    full: syllables.join(''),
    initials: syllables.map((s) => s[0] ?? '').join(''),
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, forms);
  return forms;
}
