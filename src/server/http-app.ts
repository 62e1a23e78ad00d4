import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Container } from '../container';
import { createFormatError } from '../graphql/format-error';
import { createMetricsHandler } from '../portal/metrics/metrics.handler';
import { contentRoute } from './content-route';
import { graphiqlAssets, graphiqlPage } from './graphiql';
import { healthz, readyz } from './health';
import type { PortalContext } from './portal-context';
import { withPortalErrorCodes } from './portal-errors';
import { protectMetrics } from './portal-metrics-route';
import { createPortalPipeline } from './portal-pipeline';
import { requestContext } from './request-context';

export interface HubHttpServer {
  server: http.Server;
  url: string;
  /** Stops accepting connections, drains in-flight requests (up to the grace period), then resolves. */
  stop(): Promise<void>;
}

/** Wires the HTTP surface: health, readiness, metrics, GraphiQL and /graphql. */
export async function startHttpServer(
  container: Container,
  schema: GraphQLSchema,
  opts: { port: number; host: string },
): Promise<HubHttpServer> {
  const { config, log } = container;
  const app = express();
  app.disable('x-powered-by');
  // ETags only where the portal cache plugin says an answer may be cached (portal-cache.ts).
  app.set('etag', false);
  app.set('trust proxy', false);
  const server = http.createServer(app);
  let shuttingDown = false;

  // Query limits, rate limits, persisted queries, caching and metrics: see portal-pipeline.ts.
  const portal = createPortalPipeline(container, schema);
  await container.repos.persistedOperations.ensureIndexes();

  const apollo = new ApolloServer<PortalContext>({
    schema,
    ...portal.apolloOptions,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.env === 'production',
    formatError: withPortalErrorCodes(createFormatError(log)),
    // Credentials travel in headers (which force a preflight); API keys and tokens count as such.
    csrfPrevention: {
      requestHeaders: [
        'x-apollo-operation-name',
        'apollo-require-preflight',
        'x-api-key',
        'authorization',
      ],
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({
        httpServer: server,
        stopGracePeriodMillis: config.shutdownGraceMs,
      }),
      ...portal.plugins,
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
  app.get(
    '/metrics',
    protectMetrics(config.portal.metricsToken),
    createMetricsHandler(portal.metrics.registry),
  );
  app.use(graphiqlAssets());
  app.use(
    contentRoute({
      s3: container.s3,
      bucket: config.s3Bucket,
      secret: config.uploads.contentSigningSecret,
    }),
  );
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

  app.options('/graphql', portal.preflight);
  app.use('/graphql', express.json({ limit: '256kb' }), ...portal.middleware);
  app.use(
    '/graphql',
    expressMiddleware(apollo, {
      context: async ({ req, res }) => portal.context(req, res),
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
