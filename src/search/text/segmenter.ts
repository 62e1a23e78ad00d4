import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { DOMAIN_WORDS } from './domain-words';
import { allSynonymTerms } from './synonyms';

// High enough to win over the general dictionary's splits of the same span.
const DOMAIN_WORD_FREQUENCY = 50_000;

let instance: Jieba | undefined;

/** The process-wide jieba instance (loading the dictionary takes ~100 ms, so once). */
export function jieba(): Jieba {
  if (!instance) {
    const jb = Jieba.withDict(dict);
    const words = new Set([...DOMAIN_WORDS, ...allSynonymTerms()].filter(hasHan));
    const userDict = Array.from(words, (w) => `${w} ${DOMAIN_WORD_FREQUENCY} n`).join('\n');
    jb.loadDict(Buffer.from(userDict, 'utf8'));
    instance = jb;
  }
  return instance;
}

function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/** Non-overlapping words of a Han run (query side, highlighting). */
export function cutWords(hanRun: string): string[] {
  return jieba().cut(hanRun, true);
}

/** Words plus their dictionary sub-words (index side: 乔家大院 → 乔家, 大院, 乔家大院). */
export function cutForSearch(hanRun: string): string[] {
  return jieba().cutForSearch(hanRun, true);
}
