/**
 * `npm run bench [-- --quick] [-- --rate N]`: every figure a ratio against a
 * baseline measured in the same run, on this machine, now. Prints markdown
 * tables and writes the figures with the machine's description to
 * bench/results/. Not a test: nothing here fails for being slow.
 *
 *   1. HTTP + GraphQL floor   hub `{ __typename }` vs bare node:http, same bytes
 *   2. portal list query       hub vs raw mongodb driver + node:http, same JSON
 *   3. search                  bench/search.bench.ts (embedded engine)
 *   4. ingestion               bench/ingest.bench.ts, when present
 *   5. mixed load held         60/25/15 list/detail/search at a fixed rate vs unloaded
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FLOOR_COLUMNS, floorRows, runHttpFloorBenchmark } from './http-floor.bench';
import {
  LIST_COLUMNS,
  LOAD_CONNECTIONS,
  listRows,
  runListQueryBenchmark,
  schemaHasResourceAsset,
  type ListQueryFigures,
} from './list-query.bench';
import {
  MIXED_COLUMNS,
  mixedRows,
  runMixedLoadBenchmark,
  schemaHasSearch,
} from './mixed-load.bench';
import type { BenchChild } from './lib/child';
import { prepareCatalogue, startEnvironment, type CatalogueInfo } from './lib/environment';
import { startHubProcess } from './lib/hub';
import { sectionMarkdown, writeResults, type Section } from './lib/results';
import { mib } from './lib/stats';
import { REPO_ROOT, systemInfo } from './lib/system-info';
import type { SearchBenchResult } from './search.bench';

const SEED = 20261128;
/**
 * Offered rate of the mixed load. Set by the embedded FerretDB: it sorts a
 * list page in Go over every matching document (seconds at 10k, see row 2)
 * and serialises them, so a 60% list mix holds well below 1 req/s there.
 * `--rate` to change; against real MongoDB raise it.
 */
const DEFAULT_RATE = 0.4;

interface Options {
  quick: boolean;
  rate: number;
}

function parseArgs(argv: string[]): Options {
  const rateAt = argv.indexOf('--rate');
  const rate = rateAt >= 0 ? Number(argv[rateAt + 1]) : DEFAULT_RATE;
  if (!Number.isFinite(rate) || rate < 0.05 || rate > 10_000)
    throw new Error('--rate must be 0.05–10000 requests per second');
  return { quick: argv.includes('--quick'), rate };
}

const log = (msg: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function searchSection(quick: boolean): Promise<Section> {
  const child = fork(path.join(__dirname, 'lib', 'search-child.js'), [], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const reply = await new Promise<{ ok: boolean; result?: SearchBenchResult; error?: string }>(
    (resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve({ ok: false, error: 'search benchmark did not finish within 30 minutes' });
      }, 30 * 60_000);
      child.once('message', (m: { ok: boolean; result?: SearchBenchResult; error?: string }) => {
        clearTimeout(timer);
        resolve(m);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ ok: false, error: `search benchmark exited (${code}) without a result` });
      });
      child.send({ quick });
    },
  );
  const notes = [
    'bench/search.bench.ts, unchanged, in a process of its own (`--expose-gc`): index build time, p50/p95 of 20 fixed Chinese/pinyin queries with the visibility filter and 3 facets, heap/RSS growth, snapshot persist and reload.',
    `Catalogues: ${quick ? '2k and 10k' : '10k and 100k'} synthetic search documents (its own fixed seed).`,
    'Its baseline is internal: the snapshot reload is the alternative to a rebuild (reload ms vs index ms). Meilisearch is measured only when MEILI_HOST is set (no binary on these machines).',
  ];
  if (!reply.ok || !reply.result)
    return {
      title: '3. Search',
      notes: [`not available: ${reply.error}`, ...notes],
      figures: null,
    };
  return { title: '3. Search', markdown: reply.result.markdown, notes, figures: reply.result.rows };
}

type IngestExport = (opts: Record<string, unknown>) => Promise<unknown>;

/** bench/ingest.bench.ts is written by someone else; call its export when it exists. */
async function ingestSection(quick: boolean): Promise<Section> {
  const title = '4. Ingestion';
  const file = path.join(__dirname, 'ingest.bench.js');
  const source = path.join(REPO_ROOT, 'bench', 'ingest.bench.ts');
  if (!existsSync(file) || !existsSync(source))
    return { title, notes: ['not available (bench/ingest.bench.ts missing)'], figures: null };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as Record<string, unknown>;
    const fn = (Object.entries(mod).find(
      ([name, v]) => typeof v === 'function' && /^run.*bench/i.test(name),
    )?.[1] ?? Object.values(mod).find((v) => typeof v === 'function')) as IngestExport | undefined;
    if (!fn)
      return {
        title,
        notes: ['not available (bench/ingest.bench.ts exports no function)'],
        figures: null,
      };
    const totalBytes = (quick ? 100 : 1024) * 1048576;
    const result = (await fn({ quick, totalBytes, bytes: totalBytes })) as {
      markdown?: string;
      rows?: unknown;
    } | null;
    return {
      title,
      markdown: typeof result?.markdown === 'string' ? result.markdown : undefined,
      notes: [
        `bench/ingest.bench.ts's export, called with { quick: ${quick}, totalBytes: ${totalBytes} } (${quick ? '100 MiB' : '1 GiB'}); its baseline is a raw S3 PUT of the same bytes.`,
      ],
      figures: result?.rows ?? result,
    };
  } catch (err) {
    return { title, notes: [`failed: ${String(err)}`], figures: null };
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const mode = opts.quick ? 'quick' : 'full';
  const started = new Date();
  const system = systemInfo();
  const schemaText = readFileSync(path.join(REPO_ROOT, 'schema.graphql'), 'utf8');
  const withAsset = schemaHasResourceAsset();
  const withSearch = schemaHasSearch(schemaText);
  const sizes = opts.quick ? [10_000] : [10_000, 100_000];
  log(`mode ${mode}; ${system.cpuModel} × ${system.cores}; Node ${system.node}`);

  const sections: Section[] = [];
  const catalogues: CatalogueInfo[] = [];
  const hubs: Array<{
    catalogue: number;
    startMs: unknown;
    indexCatchUpMs: unknown;
    peakRssMiB: number;
  }> = [];
  const env = await startEnvironment();
  let hub: BenchChild | undefined;
  const stopAll = async () => {
    await hub?.stop().catch(() => undefined);
    await env.stop();
  };
  process.once('SIGINT', () => {
    void stopAll().finally(() => process.exit(130));
  });

  try {
    const listFigures: ListQueryFigures[] = [];
    for (const size of sizes) {
      log(`generating a ${size}-resource catalogue (seed ${SEED})…`);
      const catalogue = await prepareCatalogue(env, `bench_${size}`, size, SEED);
      catalogues.push(catalogue);
      log(
        `generated in ${catalogue.generateMs} ms; starting the hub (it indexes for search first)…`,
      );
      hub = await startHubProcess(env, catalogue.database);
      log(`hub ${hub.url} ready: ${JSON.stringify(hub.info)}`);

      if (size === sizes[0]) {
        log('1. HTTP + GraphQL floor…');
        const floor = await runHttpFloorBenchmark({ hub, quick: opts.quick });
        sections.push({
          title: '1. HTTP + GraphQL floor: `{ __typename }`',
          columns: FLOOR_COLUMNS,
          rows: floorRows(floor),
          notes: [
            `Baseline: a bare node:http server in its own process answering the hub's exact bytes (${floor[0]?.responseBytes} body bytes plus the hub's headers). autocannon, closed loop, ${opts.quick ? '2 s warm-up + 5 s' : '5 s warm-up + 15 s'} per cell; ratios hub / bare (req/s below 1× and latency above 1× are the hub's cost).`,
            "The hub's floor includes its per-request work: Express, Apollo, authentication, query limits and cost, metrics, and the rate-limit token bucket (MongoDB, spent through per-process leases: a round trip only when a lease runs out; 'hub Mongo cmds/req' shows what is left of it). All load comes from one loopback IP, so one anonymous bucket.",
          ],
          figures: floor,
        });
        log(sectionMarkdown(sections[sections.length - 1]));
      }

      log(`2. portal list query on ${size}…`);
      const list = await runListQueryBenchmark({
        hub,
        env,
        catalogue,
        quick: opts.quick,
        withAsset,
      });
      listFigures.push(...list);
      log(
        `\n${listRows(list)
          .map((r) => r.join(' | '))
          .join('\n')}`,
      );

      if (size === sizes[sizes.length - 1]) {
        log(`5. mixed load at ${opts.rate} req/s on ${size}…`);
        const mixed = await runMixedLoadBenchmark({
          hub,
          catalogue,
          quick: opts.quick,
          rate: opts.rate,
          withAsset,
          withSearch,
          seed: SEED,
        });
        sections.push({
          title: '5. Mixed load held: 60% list, 25% detail, 15% search',
          columns: MIXED_COLUMNS,
          rows: mixedRows(mixed),
          notes: [
            `Open loop at a fixed ${mixed.offeredRate} req/s for ${mixed.seconds} s after ${mixed.warmupSeconds} s of warm-up; latency from each request's scheduled send time. Baseline: the same mix one request at a time just before (unloaded; up to ${opts.quick ? '90 requests or 60 s' : '300 requests or 180 s'}).`,
            withSearch
              ? 'Search is the GraphQL `search` query (20 fixed queries, 3 facets).'
              : 'The schema has no `search` query: a `resources` list with a category filter stands in for it.',
            `Errors count non-200 answers, GraphQL \`errors\` in bodies and failed connections${mixed.errorSamples.length ? `: ${mixed.errorSamples.join('; ')}` : ''}.`,
            "RSS is the hub process's (VmRSS / VmHWM from /proc), sampled every second; drift = end / start of the measured window.",
          ],
          figures: mixed,
        });
        log(sectionMarkdown(sections[sections.length - 1]));
      }
      const mem = hub.memory();
      hubs.push({
        catalogue: size,
        startMs: hub.info.startMs,
        indexCatchUpMs: hub.info.indexCatchUpMs,
        peakRssMiB: mib(mem.peakRssBytes),
      });
      await hub.stop();
      hub = undefined;
    }
    const assetNote = withAsset
      ? `\`asset\` (Resource.asset → resource_contents → assets) is selected; ${catalogues.map((c) => `${c.withAsset} of ${c.resources}`).join(', ')} resources carry a synthetic asset.`
      : 'schema.graphql has no asset relation on Resource: only the scalar `coverUrl` is selected.';
    sections.splice(1, 0, {
      title: '2. Portal list query (anonymous: published PUBLIC only)',
      columns: LIST_COLUMNS,
      rows: listRows(listFigures),
      notes: [
        `Selection: id, title, kind, summary, coverUrl, updatedAt, ownerUnit { id code name }, series { id title episodes { id } }, pageInfo. ${assetNote}`,
        'Baseline: bench/baseline-server.ts, the raw `mongodb` driver on the same FerretDB with the same filter, sort and `$in` batching, full documents like the hub\'s lean reads, the same JSON over bare node:http ("same JSON" compares both answers).',
        `Latency: one request at a time (2 warm-up, then up to ${opts.quick ? '100 within 12 s' : '300 within 60 s'}; n = samples); req/s: ${LOAD_CONNECTIONS} callers in a closed loop for ${opts.quick ? 8 : 30} s, in-flight requests awaited.`,
        "Mongo commands per request (driver command monitoring inside each server process, one request at a time, 3 repeats; a/b means it varied). Queries: the page query + one batch per relation and level (2 relation levels, 5 relations: level 1 owner units, series containing the page, content links; level 2 the series' episodes, the linked assets) = 6 for any page size (the loaders' batch cap is far above the largest page's keys). Cursor: getMore batches and killCursors of large answers (the first batch holds 101 documents), growing with the bytes, not per item. Limiter: the anonymous caller's rate-limit bucket, taken as a per-process lease (read, claim insert, compare-and-set update, old-claim delete when a lease is renewed, 0 otherwise): per request at most, never per item. No authentication command for an anonymous caller (a key or token adds one credential read); no count (totalCount is not selected).",
      ],
      figures: listFigures,
    });

    log('3. search…');
    sections.push(await searchSection(opts.quick));
    log(sectionMarkdown(sections[sections.length - 1]));
    log('4. ingestion…');
    sections.push(await ingestSection(opts.quick));
  } finally {
    await stopAll();
  }

  const header = [
    `## Benchmark (${mode}) — ${started.toISOString()}`,
    '',
    `${system.cpuModel} × ${system.cores} cores, ${system.totalMemoryMiB} MiB, Node ${system.node}, FerretDB ${system.versions.ferretdb} (SQLite), s3rver ${system.versions.s3rver}, ${system.versions.searchEngine}; commit ${system.gitCommit.slice(0, 10)}; seed ${SEED}; catalogues ${catalogues.map((c) => `${c.resources} resources / ${c.series} series / ${c.publicResources} public`).join(', ')}.`,
  ].join('\n');
  sections.sort((a, b) => a.title.localeCompare(b.title));
  const markdown = [header, ...sections.map(sectionMarkdown)].join('\n\n');
  console.log(markdown);
  const file = writeResults(mode, {
    mode,
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    seed: SEED,
    options: opts,
    system,
    data: { catalogues: catalogues.map(({ sampleIds: _ids, ...c }) => c), hubs },
    sections: sections.map((s) => ({ title: s.title, notes: s.notes, figures: s.figures })),
    markdown,
  });
  log(`results written to ${path.relative(REPO_ROOT, file)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
