import { seedOrgTree } from '../../src/demo/seed-org-tree';
import { generateSyntheticCatalogue } from '../../src/demo/synthetic-catalogue';
import { startTestHub, type TestHub } from '../helpers/test-hub';

describe('synthetic catalogue generator (for benchmarks)', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
    await seedOrgTree(t.container.repos);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('writes documents the API can read, deterministically from the seed', async () => {
    const result = await generateSyntheticCatalogue(t.container.models, {
      resources: 250,
      seed: 7,
      batchSize: 100,
    });
    expect(result).toEqual({ resources: 250, series: 12 });
    expect(await t.container.models.Resource.countDocuments()).toBe(250);
    const res = await t.gql<{
      resources: {
        totalCount: number;
        nodes: Array<{ title: string; ownerUnit: { name: string } }>;
      };
    }>('{ resources(first: 5) { totalCount nodes { title ownerUnit { name } } } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.resources.totalCount).toBeGreaterThan(50); // the public, published share
    const titles = (
      await t.container.models.Resource.find().sort({ title: 1 }).limit(3).lean()
    ).map((r) => r.title);
    await t.container.models.Resource.deleteMany({});
    await t.container.models.Series.deleteMany({});
    await generateSyntheticCatalogue(t.container.models, {
      resources: 250,
      seed: 7,
      batchSize: 100,
    });
    expect(
      (await t.container.models.Resource.find().sort({ title: 1 }).limit(3).lean()).map(
        (r) => r.title,
      ),
    ).toEqual(titles);
  });
});
