import { fromGlobalId } from '../../src/graphql/global-id';
import { catalogueOps } from '../helpers/catalogue-ops';
import { makeTree, makeUserWithToken, resourceInput } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';

describe('series editing', () => {
  let t: TestHub;
  let ops: ReturnType<typeof catalogueOps>;
  let cityAuthor: string;
  let countyAuthor: string;
  let countyCurator: string;

  beforeAll(async () => {
    t = await startTestHub();
    ops = catalogueOps(t);
    const tree = await makeTree(t.container);
    cityAuthor = (await makeUserWithToken(t.container, tree.cityA, ['AUTHOR'])).token;
    countyAuthor = (await makeUserWithToken(t.container, tree.countyB1, ['AUTHOR'])).token;
    countyCurator = (await makeUserWithToken(t.container, tree.countyB1, ['CURATOR'])).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const ADD =
    'mutation($s: ID!, $r: ID!) { addEpisodeToSeries(seriesId: $s, resourceId: $r) { series { version episodes { title } } userErrors { code field } } }';

  it('appending an episode keeps episodes the editor can no longer see, and is idempotent', async () => {
    const foreign = await ops.published(
      resourceInput({ title: '乙县的公开课', visibility: 'PUBLIC' }),
      countyAuthor,
      countyCurator,
    );
    const own = (await ops.create(resourceInput({ title: '甲市自己的课' }), cityAuthor)).resource!;
    const created = await t.gql<{ createSeries: { series: { id: string } } }>(
      'mutation($i: CreateSeriesInput!) { createSeries(input: $i) { series { id } } }',
      { i: { title: '跨单位系列', episodeIds: [foreign.id] } },
      { token: cityAuthor },
    );
    const seriesId = created.body.data!.createSeries.series.id;

    // The owner makes its lesson private: the city author can no longer see it.
    await ops.update(
      { id: foreign.id, expectedVersion: foreign.version, visibility: 'PRIVATE' },
      countyCurator,
    );

    const added = await t.gql<{
      addEpisodeToSeries: { series: { version: number; episodes: Array<{ title: string }> } };
    }>(ADD, { s: seriesId, r: own.id }, { token: cityAuthor });
    expect(added.body.errors).toBeUndefined();
    expect(added.body.data!.addEpisodeToSeries.series.episodes.map((e) => e.title)).toEqual([
      '甲市自己的课',
    ]);
    const stored = await t.container.models.Series.findById(
      fromGlobalId(seriesId, 'Series'),
    ).lean();
    expect(stored!.episodeIds).toHaveLength(2); // the hidden episode is still there

    const again = await t.gql<{ addEpisodeToSeries: { series: { version: number } } }>(
      ADD,
      { s: seriesId, r: own.id },
      { token: cityAuthor },
    );
    expect(again.body.data!.addEpisodeToSeries.series.version).toBe(
      added.body.data!.addEpisodeToSeries.series.version,
    );
  });

  it('refuses to add an episode the editor cannot see', async () => {
    const hidden = (await ops.create(resourceInput({ title: '乙县草稿' }), countyAuthor)).resource!;
    const created = await t.gql<{ createSeries: { series: { id: string } } }>(
      'mutation($i: CreateSeriesInput!) { createSeries(input: $i) { series { id } } }',
      { i: { title: '另一个系列' } },
      { token: cityAuthor },
    );
    const res = await t.gql<{
      addEpisodeToSeries: { series: null; userErrors: Array<{ code: string; field: string }> };
    }>(ADD, { s: created.body.data!.createSeries.series.id, r: hidden.id }, { token: cityAuthor });
    expect(res.body.data!.addEpisodeToSeries).toEqual({
      series: null,
      userErrors: [{ code: 'BAD_USER_INPUT', field: 'episodeIds' }],
    });
  });
});
