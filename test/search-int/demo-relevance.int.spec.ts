import { seedDemo } from '../../src/demo/seed-demo';
import { startTestHub, type TestHub } from '../helpers/test-hub';

type Hits = {
  search: {
    totalCount: number;
    edges: Array<{ node: { item: { __typename: string; title: string } } }>;
  };
};

/**
 * Relevance on the demo catalogue, as a community school would search it:
 * a series' subject puts that series first, whether typed in Chinese,
 * traditional characters, pinyin or pinyin initials.
 */
describe('search relevance on the demo catalogue', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ beforeListen: seedDemo });
    // The demo was loaded before indexing started: let the start-up reconcile finish.
    await t.hub.searchIndexing.reconciler.run();
  }, 180_000);
  afterAll(async () => {
    await t?.stop();
  });

  async function top(query: string): Promise<Array<{ type: string; title: string }>> {
    const res = await t.gql<Hits>(
      'query($q: String) { search(query: $q, first: 5) { totalCount edges { node { item { __typename ... on Resource { title } ... on Series { title } } } } } }',
      { q: query },
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.search.edges.map((e) => ({
      type: e.node.item.__typename,
      title: e.node.item.title,
    }));
  }

  it.each([
    ['晋剧', '晋剧艺术'],
    ['jinju', '晋剧艺术'],
    ['晉劇', '晋剧艺术'],
    ['晋商', '晋商文化'],
    ['jinshang', '晋商文化'],
    ['面食', '山西面食'],
    ['剪纸', '剪纸'],
    ['古建筑', '古建筑'],
  ])('"%s" puts the series %s first', async (query, series) => {
    const hits = await top(query);
    expect(hits[0]).toEqual({ type: 'Series', title: series });
  });

  it('pinyin of a dish finds it: daoxiaomian → 刀削面', async () => {
    const hits = await top('daoxiaomian');
    expect(hits.map((h) => h.title)).toContain('刀削面：从和面到削面');
  });

  it('mixed Chinese and Latin: CPR 急救', async () => {
    const hits = await top('CPR 急救');
    expect(hits[0].title).toBe('CPR 急救：心肺复苏与 AED');
  });

  it('synonyms: 长者 finds resources for 老年人', async () => {
    const hits = await top('长者 手机');
    expect(hits.map((h) => h.title)).toContain('老年人智能手机入门');
  });
});
