import type { Query, SearchOptions } from 'minisearch';
import { synonymsOf } from '../text/synonyms';
import { hasHan, queryTokens } from '../text/tokenizer';
import { FIELD_BOOSTS } from './minisearch-schema';

// Synonym matches rank a little below the words actually typed.
const SYNONYM_WEIGHT = 0.8;

/**
 * Typo budget per word, as Meilisearch's defaults: none below 5 letters, one
 * from 5, two from 9. Han words get none: one character off is another word.
 */
export function typoBudget(term: string): number {
  if (hasHan(term)) return 0;
  if (term.length >= 9) return 2;
  if (term.length >= 5) return 1;
  return 0;
}

/**
 * Swapped neighbours count as one typo in Meilisearch (Damerau) but as two in
 * MiniSearch's Levenshtein; adding them as exact alternatives evens that out
 * (jinshnag → jinshang).
 */
export function transpositions(term: string): string[] {
  if (typoBudget(term) === 0) return [];
  const out = new Set<string>();
  for (let i = 0; i < term.length - 1; i++) {
    if (term[i] === term[i + 1]) continue;
    out.add(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  }
  return Array.from(out);
}

export interface BuiltQuery {
  tokens: string[];
  tree: Query;
}

/**
 * Builds the MiniSearch query tree: every typed word must match (AND, like
 * Meilisearch's `matchingStrategy: 'all'`), each word through itself (with
 * typo tolerance, and prefix search for the last word), its transpositions
 * or any of its synonyms.
 */
export function buildQuery(text: string): BuiltQuery | undefined {
  const tokens = queryTokens(text);
  if (tokens.length === 0) return undefined;
  const queries: Query[] = tokens.map((token, i) => wordQuery(token, i === tokens.length - 1));
  return { tokens, tree: { combineWith: 'AND', queries } };
}

function wordQuery(token: string, last: boolean): Query {
  const fuzzy = typoBudget(token);
  const alternatives: Query[] = [{ queries: [token], prefix: last, fuzzy }];
  // Scored like MiniSearch's own fuzzy matches (weight 0.45).
  const transposedBoost = scaledBoosts(0.45);
  for (const variant of transpositions(token)) {
    alternatives.push({ queries: [variant], prefix: last, fuzzy: 0, boost: transposedBoost });
  }
  const synonymBoost = scaledBoosts(SYNONYM_WEIGHT);
  for (const synonym of synonymsOf(token)) {
    const parts = queryTokens(synonym);
    if (parts.length === 0) continue;
    alternatives.push({
      combineWith: 'AND',
      queries: parts,
      prefix: false,
      fuzzy: 0,
      boost: synonymBoost,
    } satisfies SearchOptions & { queries: Query[] });
  }
  return alternatives.length === 1
    ? (alternatives[0] as Query)
    : { combineWith: 'OR', queries: alternatives };
}

function scaledBoosts(weight: number): Record<string, number> {
  return Object.fromEntries(Object.entries(FIELD_BOOSTS).map(([f, b]) => [f, b * weight]));
}
