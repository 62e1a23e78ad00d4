import type { SearchResult as MiniSearchResult } from 'minisearch';
import type { SearchDocument } from '../search-document';
import { normalizeText } from '../text/normalize';
import { buildSearchFields } from '../text/search-fields';
import { synonymsOf } from '../text/synonyms';
import { FIELD_BOOSTS } from './minisearch-schema';
import { transpositions } from './query-builder';

/**
 * How well a stored term matches a typed word. Ordered like Meilisearch's
 * ranking rules (exact before synonyms, before prefixes, before typos).
 */
const MATCH_QUALITY = { exact: 1, synonym: 0.8, prefix: 0.6, typo: 0.5 } as const;

// Series pages are the natural landing place for a subject; a small lift lets
// 晋商文化 (series) outrank an episode that carries 晋商 in its title as well.
const SERIES_EXACT_TITLE_BOOST = 1.5;
const SERIES_TITLE_CONTAINS_BOOST = 1.15;

/**
 * Relevance that does not depend on term rarity: for each typed word, the
 * best (field weight × match quality) among the stored terms it matched,
 * summed over words. BM25 from MiniSearch only breaks ties, because on its own
 * a rare synonym in a title (中路梆子 for 晋剧) would beat the exact word in the
 * series title, and field order must win over term statistics.
 */
export interface RankingContext {
  words: { token: string; prefixAllowed: boolean; synonyms: string[]; swapped: Set<string> }[];
  /** Normalised query without spaces, for the series title lift. */
  compactQuery: string;
}

/** Per-query work done once, not once per matching document. */
export function rankingContext(tokens: string[], rawQuery: string): RankingContext {
  return {
    words: tokens.map((token, i) => ({
      token,
      prefixAllowed: i === tokens.length - 1,
      synonyms: [...synonymsOf(token)],
      swapped: new Set(transpositions(token)),
    })),
    compactQuery: normalizeText(rawQuery).replace(/\s+/g, ''),
  };
}

export function relevance(
  result: MiniSearchResult,
  doc: SearchDocument,
  ctx: RankingContext,
): number {
  let structural = 0;
  const matched = Object.entries(result.match);
  for (const { token, prefixAllowed, synonyms, swapped } of ctx.words) {
    let best = 0;
    for (const [term, fields] of matched) {
      const quality =
        term === token
          ? MATCH_QUALITY.exact
          : synonyms.some((s) => s === term || (term.length > 1 && s.includes(term)))
            ? MATCH_QUALITY.synonym
            : prefixAllowed && term.startsWith(token)
              ? MATCH_QUALITY.prefix
              : swapped.has(term) || isTypoOf(term, token)
                ? MATCH_QUALITY.typo
                : 0;
      if (quality === 0) continue;
      for (const field of fields) best = Math.max(best, (FIELD_BOOSTS[field] ?? 1) * quality);
    }
    structural += best;
  }
  structural *= seriesBoost(doc, ctx.compactQuery);
  // Two decimals of structure, then BM25 squeezed into (0, 1) as a tie-breaker.
  return Math.round(structural * 100) + result.score / (result.score + 1);
}

function isTypoOf(term: string, token: string): boolean {
  // MiniSearch only returns fuzzy terms within the budget; here it is enough
  // to tell them from terms that belong to another typed word.
  return Math.abs(term.length - token.length) <= 2 && term[0] === token[0];
}

function seriesBoost(doc: SearchDocument, query: string): number {
  if (doc.type !== 'SERIES' || !query) return 1;
  const title = normalizeText(doc.title).replace(/\s+/g, '');
  if (title === query) return SERIES_EXACT_TITLE_BOOST;
  if (title.includes(query)) return SERIES_TITLE_CONTAINS_BOOST;
  // The same lift for the title typed in pinyin (jinju → 晋剧艺术).
  // Series are few (one per many resources), so deriving their title pinyin here is cheap.
  if (/^[a-z]+$/.test(query) && buildSearchFields(doc)._titlePinyin.split(' ').includes(query)) {
    return SERIES_TITLE_CONTAINS_BOOST;
  }
  return 1;
}
