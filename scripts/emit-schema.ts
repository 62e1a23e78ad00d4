import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { emitSchemaSdl } from '../src/graphql/print-schema';

/** Writes schema.graphql, or with --check fails when the committed file differs from the code. */
async function main(): Promise<void> {
  const file = path.resolve(__dirname, '..', '..', 'schema.graphql');
  const sdl = await emitSchemaSdl();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(file, 'utf8');
    if (committed !== sdl) {
      console.error(
        'schema.graphql is out of date with the code: run `npm run schema:emit` and commit it.',
      );
      process.exit(1);
    }
    console.log('schema.graphql matches the code');
    return;
  }
  writeFileSync(file, sdl);
  console.log(`wrote ${file}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
