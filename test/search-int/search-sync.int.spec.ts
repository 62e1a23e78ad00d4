import { fromGlobalId } from '../../src/graphql/global-id';
import { searchIdOf } from '../../src/search/indexer';
import { catalogueOps } from '../helpers/catalogue-ops';
import { makeTree, makeUserWithToken, resourceInput } from '../helpers/factories';
import type { TestHub } from '../helpers/test-hub';
import {
  bearer,
  indexDrift,
  indexedDocument,
  searchOps,
  settled,
  startSearchHub,
} from './search-int.helpers';

/**
 * Every kind of catalogue write reaches the index through the search sync
 * (catalogue events → debounced batch → engine), checked through GraphQL
 * search as an outsider would see it and against freshly built documents.
 */
describe('catalogue writes reach the search index', () => {
  let t: TestHub;
  let s: ReturnType<typeof searchOps>;
  let ops: ReturnType<typeof catalogueOps>;
  let author: string;
  let curator: string;
  let outsider: Record<string, string>;
  let adopters: string[];
  let tree: Awaited<ReturnType<typeof makeTree>>;

  const gqlOk = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await t.gql<Record<string, Record<string, unknown>>>(query, variables, { token });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!;
  };
  const docOf = (gid: string, type: 'Resource' | 'Series' = 'Resource') =>
    indexedDocument(
      t.container.search,
      searchIdOf({
        type: type === 'Resource' ? 'RESOURCE' : 'SERIES',
        id: fromGlobalId(gid, type).toHexString(),
      }),
    );

  beforeAll(async () => {
    t = await startSearchHub();
    s = searchOps(t);
    ops = catalogueOps(t);
    tree = await makeTree(t.container);
    author = (await makeUserWithToken(t.container, tree.countyA1, ['AUTHOR'])).token;
    curator = (await makeUserWithToken(t.container, tree.countyA1, ['CURATOR'])).token;
    outsider = bearer((await makeUserWithToken(t.container, tree.countyB1, ['MEMBER'])).token);
    adopters = [
      (await makeUserWithToken(t.container, tree.countyB1, ['CURATOR'])).token,
      (await makeUserWithToken(t.container, tree.countyA2, ['CURATOR'])).token,
    ];
  });

  afterAll(async () => {
    await t?.stop();
  });

  afterEach(async () => {
    await settled(t);
    expect(await indexDrift(t.container)).toEqual({ missing: [], stale: [], extra: [] });
  });

  it('a draft is indexed for its unit only, and publishing opens it to others', async () => {
    const created = (await ops.create(resourceInput({ title: '平遥古城导览' }), author)).resource!;
    await settled(t);
    expect((await docOf(created.id))?.status).toBe('DRAFT');
    expect(await s.ids({ query: '平遥古城' }, outsider)).toEqual([]);
    const submitted = await ops.submit(created.id, created.version, author);
    await ops.publish(created.id, submitted.resource!.version, curator);
    await settled(t);
    expect(await s.ids({ query: '平遥古城' }, outsider)).toEqual([created.id]);
  });

  it('archiving takes an item out of others’ results', async () => {
    const r = await ops.published(resourceInput({ title: '云冈石窟讲解' }), author, curator);
    await settled(t);
    expect(await s.ids({ query: '云冈石窟' }, outsider)).toEqual([r.id]);
    await ops.archive(r.id, r.version, curator);
    await settled(t);
    expect(await s.ids({ query: '云冈石窟' }, outsider)).toEqual([]);
    expect((await docOf(r.id))?.status).toBe('ARCHIVED');
  });

  it('a visibility change and an edit of the text are followed', async () => {
    const r = await ops.published(resourceInput({ title: '五台山佛教文化' }), author, curator);
    const updated = await ops.update(
      { id: r.id, expectedVersion: r.version, visibility: 'PRIVATE' },
      curator,
    );
    expect(updated.userErrors).toEqual([]);
    await settled(t);
    expect(await s.ids({ query: '五台山' }, outsider)).toEqual([]);
    await ops.update(
      {
        id: r.id,
        expectedVersion: updated.resource!.version,
        visibility: 'PUBLIC',
        title: '五台山与佛光寺',
      },
      curator,
    );
    await settled(t);
    expect(await s.ids({ query: '佛光寺' }, outsider)).toEqual([r.id]);
  });

  it('adoptions update the count and the MOST_ADOPTED order', async () => {
    const a = await ops.published(resourceInput({ title: '剪纸入门 甲' }), author, curator);
    const b = await ops.published(resourceInput({ title: '剪纸入门 乙' }), author, curator);
    for (const token of adopters)
      await gqlOk(
        'mutation($id: ID!) { adoptResource(id: $id) { userErrors { message } } }',
        { id: b.id },
        token,
      );
    await settled(t);
    expect((await docOf(b.id))?.adoptionCount).toBe(2);
    expect(await s.ids({ query: '剪纸入门', sort: 'MOST_ADOPTED' }, outsider)).toEqual([
      b.id,
      a.id,
    ]);
    await gqlOk('mutation($id: ID!) { unadopt(itemId: $id) }', { id: b.id }, adopters[0]);
    await settled(t);
    expect((await docOf(b.id))?.adoptionCount).toBe(1);
  });

  it('series membership, series title and series status reach the episodes', async () => {
    const e1 = await ops.published(resourceInput({ title: '面塑技艺 一' }), author, curator);
    const e2 = await ops.published(resourceInput({ title: '面塑技艺 二' }), author, curator);
    const created = await gqlOk(
      'mutation($i: CreateSeriesInput!) { createSeries(input: $i) { series { id version } } }',
      { i: { title: '山西面塑', visibility: 'PUBLIC', episodeIds: [e1.id] } },
      curator,
    );
    const series = created.createSeries.series as { id: string; version: number };
    let version = series.version;
    for (const action of ['SUBMIT', 'PUBLISH']) {
      const res = await gqlOk(
        'mutation($i: SeriesTransitionInput!, $a: WorkflowAction!) { transitionSeries(input: $i, action: $a) { series { version } } }',
        { i: { id: series.id, expectedVersion: version }, a: action },
        curator,
      );
      version = (res.transitionSeries.series as { version: number }).version;
    }
    await settled(t);
    const seriesIndexId = searchIdOf({
      type: 'SERIES',
      id: fromGlobalId(series.id, 'Series').toHexString(),
    });
    expect((await docOf(e1.id))?.seriesIds).toEqual([seriesIndexId]);
    expect(await s.ids({ filter: { seriesIds: [series.id] } }, outsider)).toEqual([e1.id]);

    const res = await gqlOk(
      'mutation($i: UpdateSeriesInput!) { updateSeries(input: $i) { series { version } } }',
      {
        i: { id: series.id, expectedVersion: version, episodeIds: [e2.id], title: '山西面塑艺术' },
      },
      curator,
    );
    version = (res.updateSeries.series as { version: number }).version;
    await settled(t);
    expect((await docOf(e1.id))?.seriesIds).toEqual([]);
    expect((await docOf(e2.id))?.seriesTitles).toEqual(['山西面塑艺术']);
    expect(await s.ids({ filter: { seriesIds: [series.id] } }, outsider)).toEqual([e2.id]);

    await gqlOk(
      'mutation($i: SeriesTransitionInput!, $a: WorkflowAction!) { transitionSeries(input: $i, action: $a) { series { version } } }',
      { i: { id: series.id, expectedVersion: version, comment: '下线' }, a: 'ARCHIVE' },
      curator,
    );
    await settled(t);
    // An archived series is no longer shown on its episodes (outsiders cannot see it).
    expect((await docOf(e2.id))?.seriesIds).toEqual([]);
    expect((await docOf(series.id, 'Series'))?.status).toBe('ARCHIVED');
  });

  it('a catalogue write succeeds and is indexed even when many arrive at once', async () => {
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        ops.create(resourceInput({ title: `批量写入 ${i}` }), author),
      ),
    );
    expect(created.every((c) => c.resource)).toBe(true);
    await settled(t);
    const self = bearer(author);
    expect((await s.search({ query: '批量写入', first: 0 }, self)).totalCount).toBe(12);
  });
});
