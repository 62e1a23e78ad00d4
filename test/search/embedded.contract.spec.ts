import { EmbeddedSearchEngine } from '../../src/search/embedded/embedded-search.adapter';
import { defineSearchContract } from './search-contract';

defineSearchContract('embedded', async () => new EmbeddedSearchEngine());
