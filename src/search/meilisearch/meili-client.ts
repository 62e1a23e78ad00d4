import type { Meilisearch } from 'meilisearch/dist/index';

type MeilisearchModule = typeof import('meilisearch/dist/index');

let cached: MeilisearchModule | undefined;

/**
 * Loads the `meilisearch` client, an ES-module-only package, from this
 * CommonJS project. Node ≥ 20.19 can `require()` ES modules; the real
 * `module.createRequire` (fetched with `process.getBuiltinModule`, which jest
 * does not intercept) uses Node's own loader even under jest, whose module
 * registry cannot load ES modules. Types come from `meilisearch/dist/index`
 * because the project's `moduleResolution: node` does not read "exports".
 */
export function loadMeilisearch(): MeilisearchModule {
  if (!cached) {
    const { createRequire } = process.getBuiltinModule('node:module');
    const nodeRequire = createRequire(__filename);
    try {
      cached = nodeRequire('meilisearch') as MeilisearchModule;
    } catch (err) {
      throw new Error(
        'Could not load the meilisearch client (an ES module); Node.js >= 20.19 is required to require() it',
        { cause: err },
      );
    }
  }
  return cached;
}

export function createMeiliClient(options: {
  host: string;
  apiKey?: string;
  timeoutMs: number;
}): Meilisearch {
  const { Meilisearch: Client } = loadMeilisearch();
  return new Client({ host: options.host, apiKey: options.apiKey, timeout: options.timeoutMs });
}
