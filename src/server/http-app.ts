import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Viewer } from '../auth/viewer';
import type { Container } from '../container';
import { AppError } from '../errors/app-errors';
import type { GraphQLContext } from '../graphql/context';
import { createFormatError } from '../graphql/format-error';
import { createLoaders } from '../loaders/loaders';
import { presentedSecret } from './credentials';
import { graphiqlAssets, graphiqlPage } from './graphiql';
import { healthz, readyz } from './health';
import { requestContext } from './request-context';

export interface HubHttpServer {
  server: http.Server;
  url: string;
  /** Stops accepting connections, drains in-flight requests (up to the grace period), then resolves. */
  stop(): Promise<void>;
}

/** Wires the HTTP surface: health, readiness, GraphiQL and /graphql. */
export async function startHttpServer(
  container: Container,
  schema: GraphQLSchema,
  opts: { port: number; host: string },
): Promise<HubHttpServer> {
  const { config, log } = container;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const server = http.createServer(app);
  let shuttingDown = false;

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.env === 'production',
    formatError: createFormatError(log),
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({
        httpServer: server,
        stopGracePeriodMillis: config.shutdownGraceMs,
      }),
    ],
  });
  await apollo.start();

  app.use(requestContext(log));
  app.get('/healthz', healthz);
  app.get(
    '/readyz',
    readyz(
      container.readinessProbes,
      () => shuttingDown,
      (failures) => log.warn({ failures }, 'readiness check failed'),
    ),
  );
  app.use(graphiqlAssets());
  app.get('/graphql', (req, res, next) => {
    // Browsers asking for HTML get GraphiQL; GraphQL GET requests fall through to Apollo.
    if (
      req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) ===
        'text/html' &&
      !req.query.query
    ) {
      res.type('html').send(graphiqlPage('/graphql'));
      return;
    }
    next();
  });

  app.use(
    '/graphql',
    express.json({ limit: '256kb' }),
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        res.locals.viewer = await container.services.credentials.authenticate(presentedSecret(req));
        next();
      } catch (err) {
        if (err instanceof AppError && err.code === 'UNAUTHENTICATED') {
          res.status(401).setHeader('WWW-Authenticate', 'Bearer realm="learning-port"');
          res.json({ errors: [{ message: err.message, extensions: { code: err.code } }] });
          return;
        }
        next(err);
      }
    },
  );
  app.use(
    '/graphql',
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<GraphQLContext> => ({
        viewer: res.locals.viewer as Viewer,
        services: container.services,
        loaders: createLoaders(container.repos),
        log: req.log,
        requestId: req.id,
      }),
    }),
  );

  // Anything that escapes the routes above: log it, answer without internals.
  app.use(
    (
      err: Error & { status?: number; type?: string },
      req: Request,
      res: Response,
      _next: NextFunction,
    ) => {
      if (err.type === 'entity.too.large' || err.type === 'entity.parse.failed') {
        res.status(err.status ?? 400).json({
          errors: [
            {
              message:
                err.type === 'entity.too.large'
                  ? '请求体过大 / request body too large'
                  : '请求体不是有效的 JSON / body is not valid JSON',
              extensions: { code: 'BAD_REQUEST' },
            },
          ],
        });
        return;
      }
      req.log?.error({ err }, 'unhandled error');
      res.status(500).json({
        errors: [
          {
            message: '服务器内部错误 / internal server error',
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          },
        ],
      });
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const url = `http://${opts.host}:${port}`;

  let stopping: Promise<void> | undefined;
  return {
    server,
    url,
    stop: () => {
      stopping ??= (async () => {
        shuttingDown = true;
        // Apollo's drain plugin closes the listener, waits for in-flight requests, then closes idle sockets.
        await apollo.stop();
        if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return stopping;
    },
  };
}
