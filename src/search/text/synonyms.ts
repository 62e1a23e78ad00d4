import data from './synonyms.json';
import { normalizeText } from './normalize';

/** Mutual synonym groups, normalised (simplified, lower case) so lookups match analysed tokens. */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = data.groups.map((group) =>
  Array.from(new Set(group.map((term) => normalizeText(term)))),
);

const byTerm = new Map<string, readonly string[]>();
for (const group of SYNONYM_GROUPS) {
  for (const term of group) {
    // A term in two groups gets the union, so expansion stays symmetric.
    const merged = new Set([...(byTerm.get(term) ?? []), ...group]);
    merged.delete(term);
    byTerm.set(term, Array.from(merged));
  }
}

/** Other members of every group containing `term` (normalised); empty when none. */
export function synonymsOf(term: string): readonly string[] {
  return byTerm.get(term) ?? [];
}

/** Every synonym term; they are fed to the segmenter so each stays one token. */
export function allSynonymTerms(): string[] {
  return Array.from(byTerm.keys());
}

/**
 * Meilisearch's synonyms setting is directional (`term → alternatives`);
 * mutual groups are therefore expanded to one entry per member.
 */
export function toMeilisearchSynonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [term, others] of byTerm) out[term] = [...others];
  return out;
}
