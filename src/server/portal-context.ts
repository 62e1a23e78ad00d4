import type { Response } from 'express';
import type { Viewer } from '../auth/viewer';
import type { GraphQLContext } from '../graphql/context';
import type { CredentialDoc } from '../models/access-token/access-token.model';
import type { QueryCostContext } from '../portal/limits/cost-limit.plugin';

/** What the /graphql middlewares learn about a request before Apollo sees it (`res.locals.portal`). */
export interface PortalRequestState {
  viewer: Viewer;
  /** The credential presented, if any: per-key rules (origins, safelist) read it. */
  credential: CredentialDoc | null;
  /** The TCP peer; anonymous callers are rate-limited by it. */
  clientIp: string;
}

/** The GraphQL context on the portal pipeline: the resolvers' context plus what the plugins need. */
export interface PortalContext extends GraphQLContext, QueryCostContext {
  clientIp: string;
  /** Set once this operation has been charged to a rate-limit bucket. */
  rateLimitCharged?: boolean;
}

export function portalState(res: Response): PortalRequestState | undefined {
  return res.locals.portal as PortalRequestState | undefined;
}
