import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../src/config';
import { withContainer } from '../src/cli/database-session';
import { seedOrgTree } from '../src/demo/seed-org-tree';
import { generateSyntheticCatalogue } from '../src/demo/synthetic-catalogue';

/**
 * `npm run generate:catalogue -- 100000 [seed]`: adds a large synthetic
 * catalogue to the configured database (the demo org tree is loaded first).
 * For benchmarks; run `npm run reindex` afterwards to index it for search.
 */
async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 10_000);
  const seed = Number(process.argv[3] ?? 20261128);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
    throw new Error('count must be 1–1000000');
  await withContainer(loadConfig(), async (c) => {
    await seedOrgTree(c.repos);
    const bar = new SingleBar(
      { format: '生成 / generating [{bar}] {value}/{total} {eta_formatted}' },
      Presets.shades_classic,
    );
    bar.start(count, 0);
    const result = await generateSyntheticCatalogue(c.models, {
      resources: count,
      seed,
      onProgress: (done) => bar.update(done),
    });
    bar.stop();
    console.log(
      `generated ${result.resources} resources and ${result.series} series (seed ${seed})`,
    );
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
