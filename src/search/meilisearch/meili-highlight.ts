import { HIGHLIGHT_FIELDS, type HighlightField, type SearchDocument } from '../search-document';
import type { SearchHit } from '../search.port';
import { highlight, type HighlightTerms } from '../text/highlight';
import { escapeHtml, HIGHLIGHT_POST, HIGHLIGHT_PRE } from '../text/html';
import { synonymsOf } from '../text/synonyms';
import { hasHan, queryTokens } from '../text/tokenizer';

/**
 * Meilisearch does not escape HTML in `_formatted`, so it is asked to mark
 * matches with control characters that cannot collide with markup; the text
 * is escaped first and the markers become <em>…</em> afterwards.
 */
export const MEILI_PRE_TAG = '\u0002';
export const MEILI_POST_TAG = '\u0003';
export const DESCRIPTION_CROP_CHARS = 120;

export function highlightTermsForQuery(query: string): HighlightTerms {
  const tokens = queryTokens(query);
  const literal = new Set<string>();
  for (const token of tokens) {
    literal.add(token);
    for (const synonym of synonymsOf(token)) literal.add(synonym);
  }
  return { literal: Array.from(literal), pinyin: tokens.filter((t) => !hasHan(t)), prefix: true };
}

/**
 * Uses Meilisearch's own highlighting where it marked something; otherwise
 * (pinyin queries match only the derived `_pinyin` fields, browsing marks
 * nothing) the shared highlighter, so both adapters return the same markup.
 */
export function meiliHighlights(
  doc: SearchDocument,
  formatted: Record<string, unknown> | undefined,
  terms: HighlightTerms | undefined,
): SearchHit['highlights'] {
  const out: Partial<Record<HighlightField, string>> = {};
  for (const field of HIGHLIGHT_FIELDS) {
    const text = doc[field];
    if (!text) continue;
    const marked = formatted?.[field];
    if (terms && typeof marked === 'string' && marked.includes(MEILI_PRE_TAG)) {
      out[field] = escapeHtml(marked)
        .replaceAll(MEILI_PRE_TAG, HIGHLIGHT_PRE)
        .replaceAll(MEILI_POST_TAG, HIGHLIGHT_POST);
      continue;
    }
    out[field] = highlight(text, terms ?? { literal: [], pinyin: [], prefix: false }, {
      cropLength: field === 'description' ? DESCRIPTION_CROP_CHARS : undefined,
    });
  }
  return out;
}
