import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { startHub } from './hub';
import { createLogger } from './server/logger';

/** `node dist/src/main.js [--demo]`: starts the hub; SIGTERM/SIGINT drain and stop it. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const log = createLogger(config);
  const hub = await startHub(config, log, { demo: process.argv.includes('--demo') });

  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) return;
    signalled = true;
    log.info({ signal }, 'shutting down: draining requests');
    hub
      .stop()
      .then(() => {
        log.info('stopped');
        process.exit(0);
      })
      .catch((err) => {
        log.error({ err }, 'error while stopping');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  console.error('学习港启动失败 / hub failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
