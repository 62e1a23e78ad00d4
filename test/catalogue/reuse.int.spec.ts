import { catalogueOps } from '../helpers/catalogue-ops';
import { makeTree, makeUserWithToken, resourceInput } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';

describe('sharing and reuse: adopt, fork, update notices, my catalogue', () => {
  let t: TestHub;
  let ops: ReturnType<typeof catalogueOps>;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let cityAuthor: string;
  let cityCurator: string;
  let countyCurator: string;
  let countyAuthor: string;
  let otherCountyCurator: string;

  beforeAll(async () => {
    t = await startTestHub();
    ops = catalogueOps(t);
    tree = await makeTree(t.container);
    cityAuthor = (await makeUserWithToken(t.container, tree.cityA, ['AUTHOR'])).token;
    cityCurator = (await makeUserWithToken(t.container, tree.cityA, ['CURATOR'])).token;
    countyCurator = (await makeUserWithToken(t.container, tree.countyB1, ['CURATOR'])).token;
    countyAuthor = (await makeUserWithToken(t.container, tree.countyB1, ['AUTHOR'])).token;
    otherCountyCurator = (await makeUserWithToken(t.container, tree.countyA2, ['CURATOR'])).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const ADOPT =
    'mutation($id: ID!) { adoptResource(id: $id) { adoption { id itemType adoptedVersion unit { name } itemOwner { name } item { ... on Resource { id title } } } userErrors { code field message } } }';

  it('adopting links without copying, keeps attribution, is idempotent, and the owner sees who adopted', async () => {
    const lesson = await ops.published(
      resourceInput({ title: '老年人智能手机入门', visibility: 'PROVINCE' }),
      cityAuthor,
      cityCurator,
    );
    const before = await t.container.models.Resource.countDocuments();

    const first = await t.gql<{
      adoptResource: {
        adoption: {
          id: string;
          adoptedVersion: number;
          unit: { name: string };
          itemOwner: { name: string };
          item: { id: string };
        };
      };
    }>(ADOPT, { id: lesson.id }, { token: countyCurator });
    expect(first.body.errors).toBeUndefined();
    const adoption = first.body.data!.adoptResource.adoption;
    expect(adoption).toMatchObject({
      unit: { name: '乙一县社区学院' },
      itemOwner: { name: '甲市社区大学' },
      item: { id: lesson.id },
      adoptedVersion: lesson.version,
    });
    const again = await t.gql<{ adoptResource: { adoption: { id: string } } }>(
      ADOPT,
      { id: lesson.id },
      { token: countyCurator },
    );
    expect(again.body.data!.adoptResource.adoption.id).toBe(adoption.id);
    expect(await t.container.models.Resource.countDocuments()).toBe(before); // nothing copied

    const ownerView = await t.gql<{
      resource: { adoptionCount: number; adoptedBy: Array<{ name: string }> };
    }>(
      'query($id: ID!) { resource(id: $id) { adoptionCount adoptedBy { name } } }',
      { id: lesson.id },
      { token: cityCurator },
    );
    expect(ownerView.body.data!.resource).toEqual({
      adoptionCount: 1,
      adoptedBy: [{ name: '乙一县社区学院' }],
    });
    // Others see the count, not the list.
    const otherView = await t.gql<{ resource: { adoptionCount: number; adoptedBy: unknown[] } }>(
      'query($id: ID!) { resource(id: $id) { adoptionCount adoptedBy { name } } }',
      { id: lesson.id },
      { token: otherCountyCurator },
    );
    expect(otherView.body.data!.resource).toEqual({ adoptionCount: 1, adoptedBy: [] });
  });

  it('adopters learn when a new version is published, and can acknowledge it', async () => {
    const lesson = await ops.published(
      resourceInput({ title: '防范电信网络诈骗', visibility: 'PUBLIC' }),
      cityAuthor,
      cityCurator,
    );
    await t.gql(ADOPT, { id: lesson.id }, { token: countyCurator });
    const none = await t.gql<{ adoptionUpdates: unknown[] }>(
      '{ adoptionUpdates { currentVersion } }',
      {},
      { token: countyCurator },
    );
    expect(none.body.data!.adoptionUpdates).toEqual([]);

    // A curator of the owner revises the published resource: a new published version.
    const revised = await ops.update(
      { id: lesson.id, expectedVersion: lesson.version, summary: '新增2026年常见骗局' },
      cityCurator,
    );
    expect(revised.resource).toMatchObject({ status: 'PUBLISHED', version: lesson.version + 1 });

    const updates = await t.gql<{
      adoptionUpdates: Array<{
        currentVersion: number;
        adoption: { id: string; seenVersion: number; item: { title: string } };
      }>;
    }>(
      '{ adoptionUpdates { currentVersion adoption { id seenVersion item { ... on Resource { title } } } } }',
      {},
      { token: countyCurator },
    );
    expect(updates.body.data!.adoptionUpdates).toEqual([
      {
        currentVersion: lesson.version + 1,
        adoption: {
          id: expect.any(String),
          seenVersion: lesson.version,
          item: { title: '防范电信网络诈骗' },
        },
      },
    ]);
    await t.gql(
      'mutation($id: ID!) { acknowledgeAdoptionUpdate(id: $id) { seenVersion } }',
      { id: updates.body.data!.adoptionUpdates[0].adoption.id },
      { token: countyCurator },
    );
    const after = await t.gql<{ adoptionUpdates: unknown[] }>(
      '{ adoptionUpdates { currentVersion } }',
      {},
      { token: countyCurator },
    );
    expect(after.body.data!.adoptionUpdates).toEqual([]);
  });

  it('refuses to adopt drafts, invisible items, own items, and lets only curators or admins adopt', async () => {
    const draft = (await ops.create(resourceInput({ visibility: 'PUBLIC' }), cityAuthor)).resource!;
    const invisible = await t.gql(ADOPT, { id: draft.id }, { token: countyCurator });
    expect(invisible.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const own = await ops.published(
      resourceInput({ visibility: 'PUBLIC' }),
      cityAuthor,
      cityCurator,
    );
    const ownRes = await t.gql<{ adoptResource: { userErrors: Array<{ code: string }> } }>(
      ADOPT,
      { id: own.id },
      { token: cityCurator },
    );
    expect(ownRes.body.data!.adoptResource.userErrors[0].code).toBe('BAD_USER_INPUT');

    const byAuthor = await t.gql(ADOPT, { id: own.id }, { token: countyAuthor });
    expect(byAuthor.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('forks for localisation with lineage, refuses where the licence forbids derivatives', async () => {
    const open = await ops.published(
      resourceInput({ title: '刀削面制作技艺', license: 'CC_BY_SA', visibility: 'PROVINCE' }),
      cityAuthor,
      cityCurator,
    );
    const fork = await t.gql<{
      forkResource: {
        resource: {
          id: string;
          status: string;
          title: string;
          license: string;
          ownerUnit: { name: string };
          derivedFrom: { id: string };
        };
      };
    }>(
      'mutation($id: ID!) { forkResource(id: $id) { resource { id status title license ownerUnit { name } derivedFrom { id } } userErrors { code } } }',
      { id: open.id },
      { token: countyAuthor },
    );
    expect(fork.body.errors).toBeUndefined();
    expect(fork.body.data!.forkResource.resource).toMatchObject({
      status: 'DRAFT',
      title: '刀削面制作技艺',
      license: 'CC_BY_SA',
      ownerUnit: { name: '乙一县社区学院' },
      derivedFrom: { id: open.id },
    });

    const closed = await ops.published(
      resourceInput({ title: '晋剧唱腔赏析', license: 'CC_BY_ND', visibility: 'PROVINCE' }),
      cityAuthor,
      cityCurator,
    );
    const refused = await t.gql<{
      forkResource: { resource: null; userErrors: Array<{ code: string; message: string }> };
    }>(
      'mutation($id: ID!) { forkResource(id: $id) { resource { id } userErrors { code message } } }',
      { id: closed.id },
      { token: countyAuthor },
    );
    expect(refused.body.data!.forkResource).toEqual({
      resource: null,
      userErrors: [{ code: 'LICENSE_FORBIDS', message: expect.stringContaining('derivatives') }],
    });
  });

  it('my catalogue counts own, adopted, forked-from-mine and adopted-from-mine', async () => {
    const city = await t.gql<{
      myCatalogue: {
        counts: Record<string, number>;
        adoptedFromMine: Array<{ unit: { name: string } }>;
        own: { totalCount: number };
      };
    }>(
      '{ myCatalogue { counts { own adopted forkedFromMine adoptedFromMine } adoptedFromMine(first: 10) { unit { name } } own(first: 5) { totalCount } } }',
      {},
      { token: cityCurator },
    );
    const c = city.body.data!.myCatalogue;
    expect(c.counts.adoptedFromMine).toBe(2);
    expect(c.adoptedFromMine.map((a) => a.unit.name)).toEqual(['乙一县社区学院', '乙一县社区学院']);
    // The fork is a draft of another unit: not visible to the city, so not counted for it.
    expect(c.counts.forkedFromMine).toBe(0);
    expect(c.own.totalCount).toBe(c.counts.own);

    const county = await t.gql<{
      myCatalogue: { counts: Record<string, number>; adopted: Array<{ itemType: string }> };
    }>(
      '{ myCatalogue { counts { own adopted forkedFromMine adoptedFromMine } adopted(first: 10) { itemType } } }',
      {},
      { token: countyCurator },
    );
    expect(county.body.data!.myCatalogue.counts).toEqual({
      own: 1,
      adopted: 2,
      forkedFromMine: 0,
      adoptedFromMine: 0,
    });
    expect(county.body.data!.myCatalogue.adopted).toHaveLength(2);
  });

  it('series can be adopted as a whole', async () => {
    const ep = await ops.published(
      resourceInput({ title: '乔家大院', visibility: 'PUBLIC' }),
      cityAuthor,
      cityCurator,
    );
    const created = await t.gql<{ createSeries: { series: { id: string } } }>(
      'mutation($i: CreateSeriesInput!) { createSeries(input: $i) { series { id } } }',
      { i: { title: '晋商文化', visibility: 'PUBLIC', themeTags: ['晋商'], episodeIds: [ep.id] } },
      { token: cityAuthor },
    );
    const id = created.body.data!.createSeries.series.id;
    await t.gql(
      'mutation($i: SeriesTransitionInput!) { transitionSeries(input: $i, action: SUBMIT) { series { id } } }',
      { i: { id, expectedVersion: 1 } },
      { token: cityAuthor },
    );
    await t.gql(
      'mutation($i: SeriesTransitionInput!) { transitionSeries(input: $i, action: PUBLISH) { series { id } } }',
      { i: { id, expectedVersion: 2 } },
      { token: cityCurator },
    );
    const adopted = await t.gql<{
      adoptSeries: { adoption: { itemType: string; item: { title: string } } };
    }>(
      'mutation($id: ID!) { adoptSeries(id: $id) { adoption { itemType item { ... on Series { title } } } } }',
      { id },
      { token: otherCountyCurator },
    );
    expect(adopted.body.data!.adoptSeries.adoption).toEqual({
      itemType: 'SERIES',
      item: { title: '晋商文化' },
    });
    const count = await t.gql<{
      series: { adoptionCount: number; episodes: Array<{ title: string }> };
    }>('query($id: ID!) { series(id: $id) { adoptionCount episodes { title } } }', { id });
    expect(count.body.data!.series).toEqual({
      adoptionCount: 1,
      episodes: [{ title: '乔家大院' }],
    });
  });
});
