import type { CommandStartedEvent } from 'mongodb';
import { catalogueOps } from '../helpers/catalogue-ops';
import { makeTree, makeUserWithToken, resourceInput } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { toGlobalId } from '../../src/graphql/global-id';

/**
 * The number of MongoDB commands a list request issues must not grow with the
 * page: every relation is loaded by a per-request DataLoader, one batch per
 * relation level. Counted with the driver's command monitoring.
 */
describe('no N+1: MongoDB commands per request do not grow with the page size', () => {
  let t: TestHub;
  let token: string;
  let unitId: string;
  const commands: string[] = [];

  beforeAll(async () => {
    t = await startTestHub({ env: { MONGODB_MONITOR_COMMANDS: 'true' } });
    const tree = await makeTree(t.container);
    const author = (await makeUserWithToken(t.container, tree.countyA1, ['AUTHOR'])).token;
    const curator = (await makeUserWithToken(t.container, tree.cityA, ['CURATOR'])).token;
    const adopter = (await makeUserWithToken(t.container, tree.countyB1, ['CURATOR', 'AUTHOR']))
      .token;
    token = curator;
    unitId = toGlobalId('OrgUnit', tree.countyA1._id);
    const ops = catalogueOps(t);
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) {
      ids.push(
        (
          await ops.published(
            resourceInput({ title: `资源${i}`, visibility: 'PROVINCE', license: 'CC_BY' }),
            author,
            curator,
          )
        ).id,
      );
    }
    // Relations on every level: series membership, adoptions, forks.
    for (let s = 0; s < 5; s++) {
      await t.gql(
        'mutation($i: CreateSeriesInput!) { createSeries(input: $i) { series { id } } }',
        {
          i: {
            title: `系列${s}`,
            visibility: 'PROVINCE',
            episodeIds: ids.slice(s * 20, s * 20 + 20),
          },
        },
        { token: author },
      );
    }
    for (let i = 0; i < 100; i += 3)
      await t.gql(
        'mutation($id: ID!) { adoptResource(id: $id) { adoption { id } } }',
        { id: ids[i] },
        { token: adopter },
      );
    // Count reads of catalogue data only: authentication, rate-limit bookkeeping and the
    // search index's own background reads are not part of resolving the page.
    const CATALOGUE = new Set([
      'resources',
      'series',
      'adoptions',
      'assets',
      'packages',
      'resource_contents',
      'org_units',
      'users',
      'catalogue_history',
    ]);
    t.container.models.connection.getClient().on('commandStarted', (e: CommandStartedEvent) => {
      const collection = e.command[e.commandName];
      if (
        e.databaseName === t.config.mongodbDatabase &&
        typeof collection === 'string' &&
        CATALOGUE.has(collection)
      ) {
        commands.push(`${e.commandName}:${collection}`);
      }
    });
  }, 180_000);
  afterAll(async () => {
    await t?.stop();
  });

  const QUERY = `query($u: ID!, $n: Int!) { resources(first: $n, filter: { ownerUnitId: $u }) {
    totalCount
    nodes { id title createdByName adoptionCount adoptedBy { code }
      ownerUnit { name parent { name } }
      series { title ownerUnit { name } episodes { id } }
      derivedFrom { title }
      asset { sha256 mediaType } package { format } } } }`;

  /** Waits until background work (the search index catching up on the setup's writes) is quiet. */
  async function quiet(): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const seen = commands.length;
      await new Promise((r) => setTimeout(r, 1500));
      if (commands.length === seen || Date.now() > deadline) return;
    }
  }

  async function count(n: number): Promise<{ commands: string[]; nodes: number }> {
    await quiet();
    commands.length = 0;
    const res = await t.gql<{ resources: { nodes: unknown[] } }>(
      QUERY,
      { u: unitId, n },
      { token },
    );
    expect(res.body.errors).toBeUndefined();
    return { commands: [...commands], nodes: res.body.data!.resources.nodes.length };
  }

  it('issues the same commands for 10 and for 100 items with every relation selected', async () => {
    const small = await count(10);
    const large = await count(100);
    expect(small.nodes).toBe(10);
    expect(large.nodes).toBe(100);
    // One page query, one count, authentication, and one batch per relation and level.
    // Two batches of the same collection at different levels may merge into one when
    // their database answers arrive in the same event-loop turn, so the exact number
    // can differ by a command or two between runs; with N+1 it would be in the hundreds.
    expect(large.commands.length).toBeLessThanOrEqual(20);
    expect(small.commands.length).toBeLessThanOrEqual(20);
    expect(Math.abs(large.commands.length - small.commands.length)).toBeLessThanOrEqual(2);
    // Every collection is read in the same set of batches, whatever the page size.
    expect(new Set(large.commands)).toEqual(new Set(small.commands));
  });
});
