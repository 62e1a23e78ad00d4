import type { CommandStartedEvent } from 'mongodb';
import { fromGlobalId } from '../../src/graphql/global-id';
import type { CatalogueItemRef } from '../../src/search/indexer';
import { catalogueOps } from '../helpers/catalogue-ops';
import { makeTree, makeUserWithToken, resourceInput } from '../helpers/factories';
import type { TestHub } from '../helpers/test-hub';
import { bearer, settled, startSearchHub } from './search-int.helpers';

/**
 * Building documents and answering a search cost a fixed number of MongoDB
 * commands, whatever the number of items: no N+1 in the indexer, and hits are
 * loaded through the request's DataLoaders. Counted with command monitoring.
 */
const CATALOGUE = new Set(['resources', 'series', 'adoptions', 'org_units', 'users']);

describe('search batching: MongoDB commands do not grow with the number of items', () => {
  let t: TestHub;
  let refs: CatalogueItemRef[];
  let reader: Record<string, string>;
  const commands: string[] = [];

  beforeAll(async () => {
    t = await startSearchHub({ env: { MONGODB_MONITOR_COMMANDS: 'true' } });
    const ops = catalogueOps(t);
    const tree = await makeTree(t.container);
    const author = (await makeUserWithToken(t.container, tree.countyA1, ['AUTHOR'])).token;
    const curator = (await makeUserWithToken(t.container, tree.countyA1, ['CURATOR'])).token;
    const adopter = (await makeUserWithToken(t.container, tree.countyB1, ['CURATOR'])).token;
    const ids: string[] = [];
    for (let i = 0; i < 24; i++)
      ids.push(
        (await ops.published(resourceInput({ title: `批量资源 ${i}` }), author, curator)).id,
      );
    for (let s = 0; s < 2; s++)
      await t.gql(
        'mutation($i: CreateSeriesInput!) { createSeries(input: $i) { series { id } } }',
        {
          i: {
            title: `批量系列 ${s}`,
            visibility: 'PUBLIC',
            episodeIds: ids.slice(s * 12, s * 12 + 12),
          },
        },
        { token: curator },
      );
    for (let i = 0; i < 24; i += 4)
      await t.gql(
        'mutation($id: ID!) { adoptResource(id: $id) { adoption { id } } }',
        { id: ids[i] },
        { token: adopter },
      );
    refs = ids.map((id) => ({ type: 'RESOURCE', id: fromGlobalId(id, 'Resource').toHexString() }));
    reader = bearer(curator);
    await settled(t);
    t.container.models.connection.getClient().on('commandStarted', (e: CommandStartedEvent) => {
      const collection = e.command[e.commandName];
      // Catalogue reads only: authentication, rate limiting and other background work are not ours.
      if (
        e.databaseName === t.config.mongodbDatabase &&
        typeof collection === 'string' &&
        CATALOGUE.has(collection)
      )
        commands.push(`${e.commandName}:${collection}`);
    });
  });

  afterAll(async () => {
    await t?.stop();
  });

  async function count(work: () => Promise<unknown>): Promise<string[]> {
    await settled(t);
    commands.length = 0;
    await work();
    return [...commands].sort();
  }

  it('the indexer builds 2 or 24 documents with the same queries', async () => {
    const indexer = t.hub.searchIndexing.indexer;
    const few = await count(() => indexer.buildByRefs(refs.slice(0, 2)));
    const many = await count(() => indexer.buildByRefs(refs));
    expect(many).toEqual(few);
    expect(few.length).toBeLessThanOrEqual(5);
  });

  it('a search page of 2 or 24 hits issues the same commands', async () => {
    const query = `query($n: Int!) { search(query: "批量资源", first: $n, facets: [CITY, SERIES]) {
      totalCount edges { node { item { ... on Resource { id title adoptionCount ownerUnit { name } series { title } } } } } } }`;
    const run = (n: number) => async () => {
      const res = await t.gql<{ search: { edges: unknown[] } }>(query, { n }, { headers: reader });
      expect(res.body.data?.search.edges).toHaveLength(n);
    };
    const few = await count(run(2));
    const many = await count(run(24));
    expect(many).toEqual(few);
  });
});
