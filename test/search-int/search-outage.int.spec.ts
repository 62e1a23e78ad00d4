import { Types } from 'mongoose';
import type { SearchEngine } from '../../src/search/search.port';
import { catalogueOps } from '../helpers/catalogue-ops';
import { makeTree, makeUserWithToken, resourceInput } from '../helpers/factories';
import type { TestHub } from '../helpers/test-hub';
import { OutageEngine } from './outage-engine';
import {
  bearer,
  freshDocuments,
  indexDrift,
  searchOps,
  settled,
  startSearchHub,
} from './search-int.helpers';

/**
 * The engine goes away while the catalogue keeps changing, then comes back.
 * The hub's indexing path (search sync and reconciler) talks to the real
 * embedded engine through {@link OutageEngine}, which refuses every call
 * while "down". Catalogue writes must succeed throughout; once the engine is
 * back, the hub's own machinery (sync retries and the periodic reconciler,
 * nothing called by the test) must leave no item missing or stale, and no
 * entry of a deleted item behind.
 */
describe('search engine down during writes, then back', () => {
  let t: TestHub;
  let outage: OutageEngine;
  let real: SearchEngine;

  beforeAll(async () => {
    t = await startSearchHub({
      // Reconcile every second, so recovery does not wait for the default ten minutes.
      env: { SEARCH_RECONCILE_INTERVAL_MS: '1000' },
      beforeListen: async (c) => {
        real = c.search;
        outage = new OutageEngine(real);
        c.search = outage;
      },
    });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('loses nothing: writes succeed while down, and the index catches up after', async () => {
    const ops = catalogueOps(t);
    const s = searchOps(t);
    const tree = await makeTree(t.container);
    const author = (await makeUserWithToken(t.container, tree.countyA1, ['AUTHOR'])).token;
    const curator = (await makeUserWithToken(t.container, tree.countyA1, ['CURATOR'])).token;
    const adopter = (await makeUserWithToken(t.container, tree.countyB1, ['CURATOR'])).token;
    const outsider = bearer(
      (await makeUserWithToken(t.container, tree.countyB1, ['MEMBER'])).token,
    );

    const before = await ops.published(resourceInput({ title: '晋祠建筑 上' }), author, curator);
    const toArchive = await ops.published(resourceInput({ title: '晋祠建筑 下' }), author, curator);
    await settled(t);
    expect(await indexDrift(t.container, real)).toEqual({ missing: [], stale: [], extra: [] });

    // --- the engine is unreachable ---
    outage.down = true;
    const created = await ops.published(
      resourceInput({ title: '晋祠圣母殿', visibility: 'PROVINCE' }),
      author,
      curator,
    );
    const archived = await ops.archive(toArchive.id, toArchive.version, curator);
    expect(archived.userErrors).toEqual([]);
    const adopted = await t.gql(
      'mutation($id: ID!) { adoptResource(id: $id) { userErrors { message } } }',
      { id: before.id },
      { token: adopter },
    );
    expect(adopted.body.errors).toBeUndefined();
    const series = await t.gql<{ createSeries: { series: { id: string } | null } }>(
      'mutation($i: CreateSeriesInput!) { createSeries(input: $i) { series { id } userErrors { message } } }',
      { i: { title: '晋祠', visibility: 'PUBLIC', episodeIds: [before.id, created.id] } },
      { token: curator },
    );
    expect(series.body.data?.createSeries.series).not.toBeNull();
    // Changes no catalogue event announces: a renamed county (its name is on
    // every document it owns) and an index entry whose item was deleted.
    await t.container.models.OrgUnit.updateOne(
      { _id: tree.countyA1._id },
      { $set: { name: '晋源区社区学院', regionName: '晋源区' } },
    );
    const orphanId = `resource-${new Types.ObjectId().toHexString()}`;
    const [template] = (await freshDocuments(t.container)).values();
    await real.index([{ ...template, id: orphanId, title: '已删除的资源' }]);

    await settled(t);
    expect(outage.refused.index ?? 0).toBeGreaterThan(0);
    const drift = await indexDrift(t.container, real);
    expect(drift.missing.length + drift.stale.length).toBeGreaterThanOrEqual(4);
    expect(drift.extra).toEqual([orphanId]);

    // --- the engine is back: wait for the hub to repair the index by itself ---
    outage.down = false;
    const deadline = Date.now() + 20_000;
    let last = drift;
    while (Date.now() < deadline) {
      last = await indexDrift(t.container, real);
      if (!last.missing.length && !last.stale.length && !last.extra.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(last).toEqual({ missing: [], stale: [], extra: [] });

    // And what people see through GraphQL agrees.
    expect(await s.ids({ query: '圣母殿' }, outsider)).toEqual([created.id]);
    expect(await s.ids({ query: '晋祠建筑' }, outsider)).toEqual([before.id]);
    const byCounty = await s.search({ query: '晋源区', first: 0 }, outsider);
    expect(byCounty.totalCount).toBeGreaterThanOrEqual(2);
  });
});
