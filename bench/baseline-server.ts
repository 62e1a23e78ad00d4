/**
 * Hand-written baselines for bench/run.ts, each in a process of its own, on a
 * bare `node:http` server (no framework, no GraphQL):
 *
 * - `BENCH_BASELINE=static`: answers every request with fixed bytes (status,
 *   headers and body captured from the hub's answer to `{ __typename }`), the
 *   floor of HTTP on this machine.
 * - `BENCH_BASELINE=list`: reads the portal list page with the raw `mongodb`
 *   driver (same filter, sort and `$in` batching as the hub's resolvers, the
 *   anonymous caller's visibility) and serialises the JSON the hub answers to
 *   `LIST_QUERY` in list-query.bench.ts, field for field.
 */
import http from 'node:http';
import { MongoClient, type CommandStartedEvent, type Db, type Document, ObjectId } from 'mongodb';
import { serveIpc } from './lib/child';

export interface StaticResponse {
  status: number;
  headers: Array<[string, string]>;
  bodyBase64: string;
}

const globalId = (type: string, id: ObjectId) =>
  Buffer.from(`${type}:${id.toHexString()}`, 'utf8').toString('base64url');
const cursor = (doc: Document) =>
  Buffer.from(
    JSON.stringify({
      v: (doc.updatedAt as Date).getTime(),
      id: (doc._id as ObjectId).toHexString(),
    }),
    'utf8',
  ).toString('base64url');

/** What an anonymous caller may see (policy.ts `canSeeContent` / `visibilityScope`). */
const visibleToAnonymous = (d: Document) => d.status === 'PUBLISHED' && d.visibility === 'PUBLIC';

/**
 * One page of `resources(first: n)` for an anonymous caller: the page query,
 * then one `$in` batch per relation and level, as the hub's loaders do.
 */
export async function listPage(db: Db, n: number, withAsset: boolean): Promise<unknown> {
  const rows = await db
    .collection('resources')
    .find({ $and: [{ $or: [{ status: 'PUBLISHED', visibility: { $in: ['PUBLIC'] } }] }] })
    .sort({ updatedAt: -1, _id: -1 })
    .limit(n + 1)
    .toArray();
  const page = rows.slice(0, n);
  const pageIds = page.map((r) => r._id as ObjectId);
  const unitIds = [...new Map(page.map((r) => [String(r.ownerUnitId), r.ownerUnitId])).values()];

  // Level 1: owning units, series containing the page's resources, content links.
  const [units, seriesRows, links] = await Promise.all([
    db
      .collection('org_units')
      .find({ _id: { $in: unitIds } })
      .toArray(),
    db
      .collection('series')
      .find({ episodeIds: { $in: pageIds } })
      .toArray(),
    withAsset
      ? db
          .collection('resource_contents')
          .find({ _id: { $in: pageIds } })
          .toArray()
      : Promise.resolve([]),
  ]);
  const unitById = new Map(units.map((u) => [String(u._id), u]));
  const linkById = new Map(links.map((l) => [String(l._id), l]));
  const visibleSeries = seriesRows.filter(visibleToAnonymous);

  // Level 2: the visible series' episodes, and the linked assets.
  const episodeIds = [
    ...new Map(
      visibleSeries.flatMap((s) => (s.episodeIds as ObjectId[]).map((e) => [String(e), e])),
    ).values(),
  ];
  const assetIds = [...new Map(links.map((l) => [String(l.assetId), l.assetId])).values()];
  const [episodes, assets] = await Promise.all([
    episodeIds.length
      ? db
          .collection('resources')
          .find({ _id: { $in: episodeIds } })
          .toArray()
      : Promise.resolve([]),
    assetIds.length
      ? db
          .collection('assets')
          .find({ _id: { $in: assetIds } })
          .toArray()
      : Promise.resolve([]),
  ]);
  const episodeById = new Map(episodes.map((e) => [String(e._id), e]));
  const assetById = new Map(assets.map((a) => [String(a._id), a]));

  const nodes = page.map((r) => {
    const unit = unitById.get(String(r.ownerUnitId));
    const node: Record<string, unknown> = {
      id: globalId('Resource', r._id as ObjectId),
      title: r.title,
      kind: r.kind,
      summary: r.summary ?? null,
      coverUrl: r.coverUrl ?? null,
      updatedAt: (r.updatedAt as Date).toISOString(),
      ownerUnit: unit
        ? { id: globalId('OrgUnit', unit._id), code: unit.code, name: unit.name }
        : null,
      series: visibleSeries
        .filter((s) => (s.episodeIds as ObjectId[]).some((e) => e.equals(r._id as ObjectId)))
        .map((s) => ({
          id: globalId('Series', s._id),
          title: s.title,
          episodes: (s.episodeIds as ObjectId[]).flatMap((e) => {
            const episode = episodeById.get(String(e));
            return episode && visibleToAnonymous(episode)
              ? [{ id: globalId('Resource', episode._id) }]
              : [];
          }),
        })),
    };
    if (withAsset) {
      const link = linkById.get(String(r._id));
      const asset = link ? assetById.get(String(link.assetId)) : undefined;
      node.asset = asset
        ? {
            id: globalId('Asset', asset._id),
            kind: asset.kind,
            mediaType: asset.mediaType,
            size: asset.size,
          }
        : null;
    }
    return node;
  });
  return {
    data: {
      resources: {
        nodes,
        pageInfo: {
          hasNextPage: rows.length > n,
          endCursor: page.length ? cursor(page[page.length - 1]) : null,
        },
      },
    },
  };
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function main(): Promise<void> {
  const mode = process.env.BENCH_BASELINE;
  const commands = new Map<string, number>();
  let client: MongoClient | undefined;
  let handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

  if (mode === 'static') {
    const spec = JSON.parse(process.env.BENCH_STATIC_RESPONSE ?? '') as StaticResponse;
    const body = Buffer.from(spec.bodyBase64, 'base64');
    handler = async (req, res) => {
      await readBody(req);
      for (const [k, v] of spec.headers) res.setHeader(k, v);
      res.setHeader('content-length', body.length);
      res.writeHead(spec.status);
      res.end(body);
    };
  } else if (mode === 'list') {
    client = new MongoClient(process.env.MONGODB_URI ?? '', {
      monitorCommands: true,
      maxPoolSize: 20,
      retryWrites: false,
    });
    await client.connect();
    client.on('commandStarted', (e: CommandStartedEvent) => {
      const target = e.command[e.commandName];
      const key = `${e.commandName}:${typeof target === 'string' ? target : e.databaseName}`;
      commands.set(key, (commands.get(key) ?? 0) + 1);
    });
    const db = client.db(process.env.MONGODB_DATABASE);
    const withAsset = process.env.BENCH_LIST_ASSET === '1';
    handler = async (req, res) => {
      const request = JSON.parse((await readBody(req)).toString('utf8')) as {
        variables?: { n?: number };
      };
      const n = Math.min(100, Math.max(0, request.variables?.n ?? 20));
      const body = Buffer.from(JSON.stringify(await listPage(db, n, withAsset)), 'utf8');
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': body.length,
      });
      res.end(body);
    };
  } else {
    throw new Error(`BENCH_BASELINE must be static or list, not ${mode}`);
  }

  const server = http.createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  serveIpc({
    'commands:reset': () => {
      commands.clear();
    },
    'commands:read': () => Object.fromEntries(commands),
    memory: () => process.memoryUsage(),
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await client?.close();
    },
  });
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}` });
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
