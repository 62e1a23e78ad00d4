import type { Logger } from 'pino';
import type { Viewer } from '../auth/viewer';
import type { Services } from '../container';
import type { Loaders } from '../loaders/loaders';

/** What every resolver gets: who is asking, the services, and this request's loaders. */
export interface GraphQLContext {
  viewer: Viewer;
  services: Services;
  loaders: Loaders;
  log: Logger;
  requestId: string;
}
