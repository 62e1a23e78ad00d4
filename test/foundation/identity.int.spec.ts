import { makeTree, makeUser, makeUserWithToken } from '../helpers/factories';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { toGlobalId } from '../../src/graphql/global-id';

describe('identity: tokens, API keys and who the caller is', () => {
  let t: TestHub;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  beforeAll(async () => {
    t = await startTestHub();
    tree = await makeTree(t.container);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const VIEWER = '{ viewer { kind scope user { username roles unit { name } } unit { name } } }';

  it('treats a caller without credentials as anonymous', async () => {
    const res = await t.gql(VIEWER);
    expect(res.body.data).toEqual({
      viewer: { kind: 'ANONYMOUS', scope: null, user: null, unit: null },
    });
  });

  it('authenticates a personal access token as its user and unit', async () => {
    const { user, token } = await makeUserWithToken(t.container, tree.countyA1, ['AUTHOR']);
    const res = await t.gql(VIEWER, {}, { token });
    expect(res.body.data).toEqual({
      viewer: {
        kind: 'USER',
        scope: null,
        user: { username: user.username, roles: ['AUTHOR'], unit: { name: '甲一县社区学院' } },
        unit: { name: '甲一县社区学院' },
      },
    });
  });

  it('stores only a hash of the secret', async () => {
    const { token } = await makeUserWithToken(t.container, tree.cityA, ['MEMBER']);
    const raw = await t.container.models.Credential.find({}).lean();
    expect(JSON.stringify(raw)).not.toContain(token);
  });

  it.each([
    ['an unknown token', 'sxlp_pat_doesnotexist'],
    ['garbage', 'hello'],
  ])('rejects %s with 401 UNAUTHENTICATED', async (_label, secret) => {
    const res = await t.gql(VIEWER, {}, { token: secret });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.body.errors?.[0].message).toMatch(/invalid, expired or revoked/);
  });

  it('revocation takes effect on the very next request', async () => {
    const { token } = await makeUserWithToken(t.container, tree.cityB, ['AUTHOR']);
    const list = await t.gql<{ myAccessTokens: Array<{ id: string; revokedAt: string | null }> }>(
      '{ myAccessTokens { id revokedAt } }',
      {},
      { token },
    );
    const id = list.body.data!.myAccessTokens[0].id;
    const revoked = await t.gql<{ revokeCredential: { revokedAt: string } }>(
      'mutation($id: ID!) { revokeCredential(id: $id) { revokedAt } }',
      { id },
      { token },
    );
    expect(revoked.body.data!.revokeCredential.revokedAt).toBeTruthy();
    const after = await t.gql(VIEWER, {}, { token });
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets a city admin issue tokens for people below, but not in a sibling city', async () => {
    const { token: adminToken } = await makeUserWithToken(t.container, tree.cityA, ['ADMIN']);
    const below = await makeUser(t.container, tree.townA1, ['AUTHOR']);
    const sibling = await makeUser(t.container, tree.cityB, ['AUTHOR']);
    const mutation =
      'mutation($input: CreateAccessTokenInput!) { createAccessToken(input: $input) { secret credential { kind prefix } } }';

    const ok = await t.gql<{
      createAccessToken: { secret: string; credential: { kind: string; prefix: string } };
    }>(
      mutation,
      { input: { userId: toGlobalId('User', below._id), name: '镇学校电脑', expiresInDays: 30 } },
      { token: adminToken },
    );
    expect(ok.body.errors).toBeUndefined();
    const issued = ok.body.data!.createAccessToken;
    expect(issued.secret.startsWith(issued.credential.prefix)).toBe(true);
    const asBelow = await t.gql<{ viewer: { user: { username: string } } }>(
      VIEWER,
      {},
      { token: issued.secret },
    );
    expect(asBelow.body.data!.viewer.user.username).toBe(below.username);

    const refused = await t.gql(
      mutation,
      { input: { userId: toGlobalId('User', sibling._id), name: 'x' } },
      { token: adminToken },
    );
    expect(refused.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('issues portal API keys to admins only; a key reads as a portal and a revoked key fails at once', async () => {
    const { token: adminToken } = await makeUserWithToken(t.container, tree.cityA, ['ADMIN']);
    const { token: authorToken } = await makeUserWithToken(t.container, tree.cityA, ['AUTHOR']);
    const mutation =
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret credential { id scope allowedOrigins } } }';
    const input = {
      unitId: toGlobalId('OrgUnit', tree.countyA1._id),
      name: '甲一县学习网',
      scope: 'UNIT',
      allowedOrigins: ['https://xuexi.example.cn'],
    };

    const denied = await t.gql(mutation, { input }, { token: authorToken });
    expect(denied.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const badOrigin = await t.gql(
      mutation,
      { input: { ...input, allowedOrigins: ['javascript:alert(1)'] } },
      { token: adminToken },
    );
    expect(badOrigin.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'allowedOrigins',
    });

    const ok = await t.gql<{
      createApiKey: { secret: string; credential: { id: string; scope: string } };
    }>(mutation, { input }, { token: adminToken });
    expect(ok.body.errors).toBeUndefined();
    const key = ok.body.data!.createApiKey.secret;
    expect(key.startsWith('sxlp_key_')).toBe(true);

    const asPortal = await t.gql(VIEWER, {}, { headers: { 'x-api-key': key } });
    expect(asPortal.body.data).toEqual({
      viewer: { kind: 'PORTAL', scope: 'UNIT', user: null, unit: { name: '甲一县社区学院' } },
    });

    const listed = await t.gql<{ apiKeys: Array<{ id: string; name: string }> }>(
      'query($u: ID!) { apiKeys(unitId: $u) { id name } }',
      { u: input.unitId },
      { token: adminToken },
    );
    expect(listed.body.data!.apiKeys.map((k) => k.name)).toContain('甲一县学习网');

    // A portal key cannot mutate anything.
    const portalMutation = await t.gql(mutation, { input }, { headers: { 'x-api-key': key } });
    expect(portalMutation.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    await t.gql(
      'mutation($id: ID!) { revokeCredential(id: $id) { id } }',
      { id: ok.body.data!.createApiKey.credential.id },
      { token: adminToken },
    );
    const afterRevoke = await t.gql(VIEWER, {}, { headers: { 'x-api-key': key } });
    expect(afterRevoke.status).toBe(401);
  });

  it('expired tokens fail', async () => {
    const user = await makeUser(t.container, tree.countyB1, ['MEMBER']);
    const issued = await t.container.services.credentials.issuePersonalToken('system', {
      userId: user._id,
      name: 'old',
      expiresInDays: 1,
    });
    await t.container.models.Credential.updateOne(
      { _id: issued.credential._id },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    const res = await t.gql(VIEWER, {}, { token: issued.secret });
    expect(res.status).toBe(401);
  });
});
