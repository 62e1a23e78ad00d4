import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { PortalContext } from './portal-context';

/**
 * HTTP caching of GraphQL answers. Only anonymous GET queries that succeeded
 * are `public, max-age=<PUBLIC_CACHE_MAX_AGE>` with an ETag (express answers
 * `If-None-Match` with 304). Why anonymous only: a UNIT-scope key or a
 * signed-in user sees its own catalogue, and even a PUBLIC-scope key, which
 * sees what anonymous callers see, has its own rate-limit headers and quota,
 * so a shared cache must not hand its answers to someone else. Keyed and
 * authenticated answers are `private, no-store`; errors, mutations, POSTs
 * and batches are `no-store`.
 *
 * Apollo's own cache-control plugin is disabled next to this one, so
 * there is one place that decides.
 */
export function createHttpCachePlugin(opts: {
  publicMaxAgeSeconds: number;
}): ApolloServerPlugin<PortalContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          const { request, response, operation, contextValue } = requestContext;
          const headers = response.http.headers;
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const failed =
            (requestContext.errors?.length ?? 0) > 0 ||
            (single?.errors?.length ?? 0) > 0 ||
            (response.http.status ?? 200) !== 200;
          const anonymous = contextValue?.viewer?.kind === 'anonymous';
          const cacheable =
            anonymous &&
            !failed &&
            single !== undefined &&
            request.http?.method === 'GET' &&
            operation?.operation === 'query' &&
            !requestContext.requestIsBatched &&
            opts.publicMaxAgeSeconds > 0;
          if (cacheable) {
            headers.set('cache-control', `public, max-age=${opts.publicMaxAgeSeconds}`);
            headers.set('etag', etagOf(single.data));
          } else {
            headers.set('cache-control', anonymous ? 'no-store' : 'private, no-store');
          }
        },
      };
    },
  };
}

/** A strong validator over the answer's data (the same data serializes to the same bytes). */
function etagOf(data: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(data)).digest('base64url');
  return `"${digest.slice(0, 27)}"`;
}
