import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedSearchEngine } from '../../src/search/embedded/embedded-search.adapter';
import { createSearchEngine } from '../../src/search/create-search-engine';
import { MeilisearchEngine } from '../../src/search/meilisearch/meilisearch.adapter';
import { SearchUnavailableError } from '../../src/search/search.port';
import { buildDemoCatalogue } from './demo-catalogue';

describe('embedded engine persistence', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'search-persist-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('restores documents and index from its data directory after close', async () => {
    const cat = buildDemoCatalogue();
    const first = new EmbeddedSearchEngine({ dataDir: dir });
    await first.index(cat.all);
    await first.remove([cat.resources.cpr.id]);
    await first.close();
    expect(readdirSync(dir)).toEqual(['learning-resources.search-index.json']);

    const second = new EmbeddedSearchEngine({ dataDir: dir });
    const result = await second.search({ query: 'jinju' });
    expect(result.hits.map((h) => h.id)).toContain(cat.series.jinju.id);
    expect((await second.search({})).totalCount).toBe(cat.all.length - 1);
    expect(await second.getStamps([cat.resources.cpr.id])).toEqual(new Map());
    await second.close();
  });

  it('persists in the background after writes', async () => {
    const cat = buildDemoCatalogue();
    const engine = new EmbeddedSearchEngine({ dataDir: dir, persistDelayMs: 10 });
    await engine.index(cat.all.slice(0, 3));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const reader = new EmbeddedSearchEngine({ dataDir: dir });
    expect((await reader.search({})).totalCount).toBe(3);
    await reader.close();
    await engine.close();
  });

  it('refuses use after close', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.close();
    await expect(engine.health()).rejects.toBeInstanceOf(SearchUnavailableError);
    await expect(engine.search({})).rejects.toBeInstanceOf(SearchUnavailableError);
  });
});

describe('createSearchEngine', () => {
  it('uses the embedded engine without Meilisearch configuration', () => {
    expect(createSearchEngine({})).toBeInstanceOf(EmbeddedSearchEngine);
  });

  it('uses Meilisearch when a host is configured', async () => {
    const engine = createSearchEngine({ meili: { host: 'http://127.0.0.1:9' }, indexName: 'x' });
    expect(engine).toBeInstanceOf(MeilisearchEngine);
    // Nothing listens on the discard port: health must fail as "unavailable".
    await expect(engine.health()).rejects.toBeInstanceOf(SearchUnavailableError);
  });
});
