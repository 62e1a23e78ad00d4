/**
 * The hub under test, in a process of its own (forked by bench/run.ts): starts
 * `startHub` with the environment it was given, waits until the search index
 * has caught up with the catalogue, then reports its URL over IPC. Over the
 * same channel (never over HTTP) it answers bench-only requests: the MongoDB
 * commands it has issued since the last reset (driver command monitoring,
 * `MONGODB_MONITOR_COMMANDS=true`), its memory, and stop.
 */
import 'reflect-metadata';
import type { CommandStartedEvent } from 'mongodb';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { startHub } from '../src/hub';
import { serveIpc } from './lib/child';

async function main(): Promise<void> {
  const t0 = performance.now();
  const config = loadConfig(process.env);
  const log = pino({ level: config.logLevel });
  const hub = await startHub(config, log);
  const startMs = performance.now() - t0;

  const commands = new Map<string, number>();
  if (config.mongodbMonitorCommands) {
    hub.container.models.connection.getClient().on('commandStarted', (e: CommandStartedEvent) => {
      const target = e.command[e.commandName];
      const key = `${e.commandName}:${typeof target === 'string' ? target : e.databaseName}`;
      commands.set(key, (commands.get(key) ?? 0) + 1);
    });
  }

  // The reconciler's first run indexes the catalogue in the background; measuring
  // before it is done would measure the indexing, not the requests.
  const t1 = performance.now();
  await hub.searchIndexing.reconciler.whenIdle();
  const indexCatchUpMs = performance.now() - t1;

  serveIpc({
    'commands:reset': () => {
      commands.clear();
    },
    'commands:read': () => Object.fromEntries(commands),
    memory: () => process.memoryUsage(),
    stop: () => hub.stop(),
  });
  process.send?.({
    type: 'ready',
    url: hub.url,
    info: { startMs: Math.round(startMs), indexCatchUpMs: Math.round(indexCatchUpMs) },
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
