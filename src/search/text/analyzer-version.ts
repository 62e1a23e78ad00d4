import { createHash } from 'node:crypto';
import synonyms from './synonyms.json';
import { DOMAIN_WORDS } from './domain-words';
import { SEARCH_FIELDS_VERSION } from './search-fields';

// Tokens depend on code, the segmenter's extra words and the synonym list;
// a persisted index built under another combination must be rebuilt.
const TOKENIZER_VERSION = 1;

export const ANALYZER_VERSION = `${TOKENIZER_VERSION}.${SEARCH_FIELDS_VERSION}.${createHash(
  'sha256',
)
  .update(JSON.stringify({ DOMAIN_WORDS, groups: synonyms.groups }))
  .digest('hex')
  .slice(0, 12)}`;
