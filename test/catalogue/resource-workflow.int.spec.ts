import { catalogueOps } from '../helpers/catalogue-ops';
import { makeTree, makeUserWithToken, resourceInput } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';

describe('resource workflow through GraphQL', () => {
  let t: TestHub;
  let ops: ReturnType<typeof catalogueOps>;
  let author: string;
  let curator: string;
  let cityCurator: string;
  let siblingCurator: string;
  let otherAuthor: string;

  beforeAll(async () => {
    t = await startTestHub();
    ops = catalogueOps(t);
    const tree = await makeTree(t.container);
    author = (await makeUserWithToken(t.container, tree.countyA1, ['AUTHOR'])).token;
    otherAuthor = (await makeUserWithToken(t.container, tree.countyA2, ['AUTHOR'])).token;
    curator = (await makeUserWithToken(t.container, tree.countyA1, ['CURATOR'])).token;
    cityCurator = (await makeUserWithToken(t.container, tree.cityA, ['CURATOR'])).token;
    siblingCurator = (await makeUserWithToken(t.container, tree.countyA2, ['CURATOR'])).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('author drafts, edits, submits; a curator of an ancestor publishes; then archives — each step bumps the version and is in the history', async () => {
    const created = await ops.create(resourceInput({ title: '平遥古城导览' }), author);
    expect(created.userErrors).toEqual([]);
    const r = created.resource!;
    expect(r).toMatchObject({ status: 'DRAFT', version: 1, title: '平遥古城导览' });

    const edited = await ops.update(
      { id: r.id, expectedVersion: 1, title: '平遥古城导览（修订）', keywords: ['平遥', '古城'] },
      author,
    );
    expect(edited.resource).toMatchObject({ version: 2, title: '平遥古城导览（修订）' });
    const submitted = await ops.submit(r.id, 2, author);
    expect(submitted.resource).toMatchObject({ status: 'IN_REVIEW', version: 3 });
    const published = await ops.publish(r.id, 3, cityCurator);
    expect(published.resource).toMatchObject({ status: 'PUBLISHED', version: 4 });
    const archived = await ops.archive(r.id, 4, curator);
    expect(archived.resource).toMatchObject({ status: 'ARCHIVED', version: 5 });

    const history = await t.gql<{
      resource: {
        history: Array<{
          version: number;
          action: string;
          actorId: string;
          changes: Array<{ field: string; oldValue: string; newValue: string }>;
        }>;
      };
    }>(
      'query($id: ID!) { resource(id: $id) { history(first: 10) { version action actorId changes { field oldValue newValue } } } }',
      { id: r.id },
      { token: author },
    );
    const entries = history.body.data!.resource.history;
    expect(entries.map((e) => [e.version, e.action])).toEqual([
      [5, 'ARCHIVE'],
      [4, 'PUBLISH'],
      [3, 'SUBMIT'],
      [2, 'UPDATE'],
      [1, 'CREATE'],
    ]);
    const update = entries.find((e) => e.action === 'UPDATE')!;
    expect(update.actorId).toBeTruthy();
    expect(update.changes).toEqual(
      expect.arrayContaining([
        {
          field: 'title',
          oldValue: JSON.stringify('平遥古城导览'),
          newValue: JSON.stringify('平遥古城导览（修订）'),
        },
        {
          field: 'keywords',
          oldValue: JSON.stringify(['晋商', '票号']),
          newValue: JSON.stringify(['平遥', '古城']),
        },
      ]),
    );
  });

  it('sending back needs a comment, returns the draft to the author with it', async () => {
    const r = (await ops.create(resourceInput(), author)).resource!;
    await ops.submit(r.id, 1, author);
    const noComment = await ops.sendBack(r.id, 2, undefined, curator);
    expect(noComment.userErrors).toEqual([
      { field: 'comment', code: 'BAD_USER_INPUT', message: expect.stringContaining('comment') },
    ]);
    const back = await ops.sendBack(r.id, 2, '请补充字幕', curator);
    expect(back.resource).toMatchObject({
      status: 'DRAFT',
      version: 3,
      reviewComment: '请补充字幕',
    });
  });

  it.each([
    ['publish a draft', 'publish', 'DRAFT'],
    ['archive a draft', 'archive', 'DRAFT'],
    ['submit twice', 'submit', 'IN_REVIEW'],
  ])('refuses to %s with INVALID_TRANSITION and changes nothing', async (_label, op, state) => {
    const r = (await ops.create(resourceInput(), author)).resource!;
    let version = 1;
    if (state === 'IN_REVIEW') version = (await ops.submit(r.id, 1, author)).resource!.version;
    const res = await t.gql<{ x: { resource: null; userErrors: Array<{ code: string }> } }>(
      `mutation($input: ResourceTransitionInput!) { x: ${op}Resource(input: $input) { resource { id } userErrors { code } } }`,
      { input: { id: r.id, expectedVersion: version } },
      { token: op === 'submit' ? author : curator },
    );
    expect(res.body.data!.x.userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
    const after = await t.gql<{ resource: { status: string; version: number } }>(
      'query($id: ID!) { resource(id: $id) { status version } }',
      { id: r.id },
      { token: author },
    );
    expect(after.body.data!.resource).toEqual({ status: state, version });
  });

  it('only curators of the owning unit or above review; only the owning unit authors', async () => {
    const r = (await ops.create(resourceInput({ visibility: 'PROVINCE' }), author)).resource!;
    const foreignEdit = await t.gql(
      'mutation($i: UpdateResourceInput!) { updateResource(input: $i) { resource { id } } }',
      { i: { id: r.id, expectedVersion: 1, title: 'x' } },
      { token: otherAuthor },
    );
    // A sibling county cannot even see the draft.
    expect(foreignEdit.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await ops.submit(r.id, 1, author);
    const bySibling = await t.gql(
      'mutation($i: ResourceTransitionInput!) { publishResource(input: $i) { resource { id } } }',
      { i: { id: r.id, expectedVersion: 2 } },
      { token: siblingCurator },
    );
    expect(bySibling.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const byAuthor = await t.gql(
      'mutation($i: ResourceTransitionInput!) { publishResource(input: $i) { resource { id } } }',
      { i: { id: r.id, expectedVersion: 2 } },
      { token: author },
    );
    expect(byAuthor.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(
      'mutation($i: CreateResourceInput!) { createResource(input: $i) { resource { id } } }',
      { i: resourceInput() },
    );
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('validates input with field-level userErrors and stores nothing', async () => {
    const before = await t.container.models.Resource.countDocuments();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '   ' }, 'title'],
      [{ title: '长'.repeat(201) }, 'title'],
      [{ keywords: Array.from({ length: 31 }, (_, i) => `k${i}`) }, 'keywords'],
      [{ language: 'chinese' }, 'language'],
      [{ durationSeconds: -5 }, 'durationSeconds'],
      [{ creditHours: 0.3 }, 'creditHours'],
      [{ kind: 'LINK', linkUrl: 'javascript:alert(1)' }, 'linkUrl'],
      [{ kind: 'LINK' }, 'linkUrl'],
      [{ idempotencyKey: 'short' }, 'idempotencyKey'],
    ];
    for (const [overrides, field] of cases) {
      const res = await ops.create(resourceInput(overrides), author);
      expect(res.resource).toBeNull();
      expect(res.userErrors).toEqual([
        { field, code: 'BAD_USER_INPUT', message: expect.any(String) },
      ]);
    }
    expect(await t.container.models.Resource.countDocuments()).toBe(before);
  });

  it('a stale expectedVersion is a CONFLICT that names the current version; the newer edit is kept', async () => {
    const r = (await ops.create(resourceInput({ title: '原标题' }), author)).resource!;
    await ops.update({ id: r.id, expectedVersion: 1, title: '甲改的标题' }, author);
    const stale = await ops.update({ id: r.id, expectedVersion: 1, title: '乙改的标题' }, author);
    expect(stale.resource).toBeNull();
    expect(stale.userErrors).toEqual([
      { field: 'expectedVersion', code: 'CONFLICT', message: expect.stringContaining('version 1') },
    ]);
    const now = await t.gql<{ resource: { title: string; version: number } }>(
      'query($id: ID!) { resource(id: $id) { title version } }',
      { id: r.id },
      { token: author },
    );
    expect(now.body.data!.resource).toEqual({ title: '甲改的标题', version: 2 });
  });

  it('parallel edits from the same version: exactly one wins, the others conflict', async () => {
    const r = (await ops.create(resourceInput(), author)).resource!;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        ops.update({ id: r.id, expectedVersion: 1, title: `并发标题${i}` }, author),
      ),
    );
    const winners = results.filter((x) => x.resource);
    expect(winners).toHaveLength(1);
    expect(results.filter((x) => x.userErrors[0]?.code === 'CONFLICT')).toHaveLength(7);
    const now = await t.gql<{ resource: { title: string; version: number } }>(
      'query($id: ID!) { resource(id: $id) { title version } }',
      { id: r.id },
      { token: author },
    );
    expect(now.body.data!.resource).toEqual({ title: winners[0].resource!.title, version: 2 });
  });

  it('20 parallel identical creates with one idempotency key make exactly one resource', async () => {
    const before = await t.container.models.Resource.countDocuments();
    const input = resourceInput({
      title: '农村电商直播入门',
      idempotencyKey: 'retry-over-bad-link-0001',
    });
    const results = await Promise.all(Array.from({ length: 20 }, () => ops.create(input, author)));
    const ids = new Set(results.map((r) => r.resource?.id));
    expect(results.every((r) => r.userErrors.length === 0)).toBe(true);
    expect(ids.size).toBe(1);
    expect(await t.container.models.Resource.countDocuments()).toBe(before + 1);

    const reused = await ops.create({ ...input, title: '别的内容' }, author);
    expect(reused.userErrors).toEqual([
      { field: 'idempotencyKey', code: 'CONFLICT', message: expect.any(String) },
    ]);
  });
});
