import { Converter } from 'opencc-js/t2cn';

// Hong Kong variants keep 著 (not 着) like mainland usage of the same words
// in titles, and fold every traditional form we have seen in unit catalogues.
const toSimplifiedRaw = Converter({ from: 'hk', to: 'cn' });

const HAN = /\p{Script=Han}/u;

/** Traditional → Simplified; a no-op (and cheap) for text without Han characters. */
export function toSimplified(text: string): string {
  return HAN.test(text) ? toSimplifiedRaw(text) : text;
}

/**
 * The one normalisation every token goes through: full-width → half-width
 * (NFKC), Traditional → Simplified, lower case. Index and query sides must
 * agree on it, in both adapters.
 */
export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase();
}
