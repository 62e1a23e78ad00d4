import { seedDemo } from '../../src/demo/seed-demo';
import { AUDIENCES, CATEGORIES, RESOURCE_KINDS } from '../../src/models/catalogue/vocabulary';
import { startTestHub, type TestHub } from '../helpers/test-hub';

describe('demo catalogue loaded by the start command', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ beforeListen: seedDemo });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('has at least 60 resources and 6 local-culture series over several cities and counties', async () => {
    const m = t.container.models;
    expect(await m.Resource.countDocuments()).toBeGreaterThanOrEqual(60);
    const series = await m.Series.find({ status: 'PUBLISHED' }).lean();
    expect(series.map((s) => s.title).sort()).toEqual(
      ['剪纸', '古建筑', '山西面食', '晋剧艺术', '晋商文化', '银龄数字生活'].sort(),
    );
    const owners = await m.Resource.distinct('regionCode');
    expect(owners.length).toBeGreaterThanOrEqual(5);
  });

  it('represents every kind, category and audience, and has adoptions and forks across units', async () => {
    const m = t.container.models;
    expect((await m.Resource.distinct('kind')).sort()).toEqual([...RESOURCE_KINDS].sort());
    expect((await m.Resource.distinct('categories')).sort()).toEqual(
      Object.keys(CATEGORIES).sort(),
    );
    expect((await m.Resource.distinct('audiences')).sort()).toEqual(Object.keys(AUDIENCES).sort());
    expect(await m.Adoption.countDocuments()).toBeGreaterThanOrEqual(9);
    expect(await m.Resource.countDocuments({ derivedFromId: { $ne: null } })).toBe(2);
  });

  it('an anonymous portal sees the published public catalogue through GraphQL, with a series and its episodes', async () => {
    const list = await t.gql<{
      seriesList: {
        totalCount: number;
        nodes: Array<{
          title: string;
          ownerUnit: { name: string };
          episodes: Array<{ title: string }>;
        }>;
      };
    }>(
      '{ seriesList(first: 10, themeTag: "晋商") { totalCount nodes { title ownerUnit { name } episodes { title } } } }',
    );
    expect(list.body.data!.seriesList.nodes[0]).toMatchObject({
      title: '晋商文化',
      ownerUnit: { name: '晋中社区大学' },
    });
    // The PROVINCE-visible courseware is not shown to anonymous callers.
    expect(list.body.data!.seriesList.nodes[0].episodes.map((e) => e.title)).not.toContain(
      '晋商文化互动课件',
    );
    expect(list.body.data!.seriesList.nodes[0].episodes).toHaveLength(5);
  });

  it('loading it again changes nothing', async () => {
    const m = t.container.models;
    const before = [
      await m.Resource.countDocuments(),
      await m.Series.countDocuments(),
      await m.Adoption.countDocuments(),
      await m.CatalogueHistory.countDocuments(),
    ];
    await seedDemo(t.container);
    expect([
      await m.Resource.countDocuments(),
      await m.Series.countDocuments(),
      await m.Adoption.countDocuments(),
      await m.CatalogueHistory.countDocuments(),
    ]).toEqual(before);
  });
});
