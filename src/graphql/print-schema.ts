import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildHubSchema } from './schema';

const HEADER =
  '# 由代码生成，请勿手改：npm run schema:emit / generated from code, do not edit: npm run schema:emit\n\n';

/** The SDL emitted from code, sorted so that diffs show real changes only. */
export async function emitSchemaSdl(): Promise<string> {
  return HEADER + printSchema(lexicographicSortSchema(await buildHubSchema())) + '\n';
}
