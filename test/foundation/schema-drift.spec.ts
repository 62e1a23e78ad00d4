import { readFileSync } from 'node:fs';
import path from 'node:path';
import { emitSchemaSdl } from '../../src/graphql/print-schema';

describe('schema.graphql', () => {
  it('is exactly what the code emits (run `npm run schema:emit` after changing the API)', async () => {
    const committed = readFileSync(path.resolve(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    expect(await emitSchemaSdl()).toBe(committed);
  });

  it('describes every type and field in Chinese and English', async () => {
    const sdl = await emitSchemaSdl();
    const { buildSchema, isObjectType, isInputObjectType, isEnumType } = await import('graphql');
    const schema = buildSchema(sdl);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        type.name.startsWith('__') ||
        ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)
      )
        continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields()))
          if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
      if (isEnumType(type) && !type.description) missing.push(type.name);
    }
    expect(missing.filter((m) => !['Query', 'Mutation', 'DateTimeISO'].includes(m))).toEqual([]);
  });
});
