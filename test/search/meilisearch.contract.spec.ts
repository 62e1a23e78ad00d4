import { MeilisearchEngine } from '../../src/search/meilisearch/meilisearch.adapter';
import { defineSearchContract } from './search-contract';

const host = process.env.MEILI_HOST;

if (host) {
  // A fresh index per run, so parallel or aborted runs never see each other's documents.
  const indexName = `contract-${process.pid}-${Date.now()}`;
  defineSearchContract(`meilisearch at ${host}`, async () => {
    return new MeilisearchEngine({
      host,
      apiKey: process.env.MEILI_API_KEY,
      indexName,
      taskTimeoutMs: 60_000,
    });
  });
} else {
  console.log('[search] MEILI_HOST is not set: the Meilisearch contract suite is skipped.');
  describe.skip('SearchEngine contract: meilisearch (skipped: set MEILI_HOST to run it)', () => {
    it('runs against a live Meilisearch', () => undefined);
  });
}
