import type { TestHub } from './test-hub';

export const RESOURCE_FIELDS =
  'id title status visibility version kind license reviewComment ownerUnit { code }';

export interface ResourceResult {
  id: string;
  title: string;
  status: string;
  visibility: string;
  version: number;
}

export interface PayloadResult {
  resource: ResourceResult | null;
  userErrors: Array<{ field: string | null; code: string; message: string }>;
}

/** Small GraphQL operations the catalogue tests share. */
export function catalogueOps(t: TestHub) {
  const mutate = async (
    name: string,
    inputType: string,
    input: Record<string, unknown>,
    token?: string,
  ) => {
    const res = await t.gql<Record<string, PayloadResult>>(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { resource { ${RESOURCE_FIELDS} } userErrors { field code message } } }`,
      { input },
      { token },
    );
    if (res.body.errors) throw new Error(`${name} failed: ${JSON.stringify(res.body.errors)}`);
    return res.body.data![name];
  };
  const ops = {
    create: (input: Record<string, unknown>, token?: string) =>
      mutate('createResource', 'CreateResourceInput', input, token),
    update: (input: Record<string, unknown>, token?: string) =>
      mutate('updateResource', 'UpdateResourceInput', input, token),
    submit: (id: string, expectedVersion: number, token?: string) =>
      mutate('submitResource', 'ResourceTransitionInput', { id, expectedVersion }, token),
    publish: (id: string, expectedVersion: number, token?: string) =>
      mutate('publishResource', 'ResourceTransitionInput', { id, expectedVersion }, token),
    sendBack: (id: string, expectedVersion: number, comment: string | undefined, token?: string) =>
      mutate(
        'sendBackResource',
        'ResourceTransitionInput',
        { id, expectedVersion, comment },
        token,
      ),
    archive: (id: string, expectedVersion: number, token?: string) =>
      mutate('archiveResource', 'ResourceTransitionInput', { id, expectedVersion }, token),
    /** Creates, submits and publishes: the author creates, the curator publishes. */
    async published(
      input: Record<string, unknown>,
      authorToken: string,
      curatorToken: string,
    ): Promise<ResourceResult> {
      const created = await ops.create(input, authorToken);
      if (!created.resource)
        throw new Error(`create failed: ${JSON.stringify(created.userErrors)}`);
      const submitted = await ops.submit(
        created.resource.id,
        created.resource.version,
        authorToken,
      );
      const published = await ops.publish(
        created.resource.id,
        submitted.resource!.version,
        curatorToken,
      );
      if (!published.resource)
        throw new Error(`publish failed: ${JSON.stringify(published.userErrors)}`);
      return published.resource;
    },
  };
  return ops;
}
