/** A minimal GraphQL-over-HTTP client for the hub's public API (local or remote). */
export class HubClient {
  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    let lastError: unknown;
    // Slow rural links drop connections: retry the (idempotent or state-checked) calls a few times.
    for (let attempt = 0; attempt < 4; attempt += 1) {
      if (attempt) await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
      let res: Response;
      try {
        res = await fetch(`${this.url.replace(/\/$/, '')}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(60_000),
        });
      } catch (err) {
        lastError = err;
        continue;
      }
      const body = (await res.json().catch(() => ({}))) as {
        data?: T;
        errors?: Array<{ message: string; extensions?: { code?: string } }>;
      };
      if (res.status >= 500 && !body.errors) {
        lastError = new Error(`hub answered HTTP ${res.status}`);
        continue;
      }
      if (body.errors?.length) {
        const e = body.errors[0];
        throw new Error(`${e.extensions?.code ?? 'ERROR'}: ${e.message}`);
      }
      if (!body.data) throw new Error(`hub answered HTTP ${res.status} without data`);
      return body.data;
    }
    throw new Error(
      `cannot reach the hub at ${this.url}: ${(lastError as Error)?.message ?? lastError}`,
    );
  }
}
