import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';

const ROOT = path.resolve(__dirname, '..', '..');

/** Every GraphQL example in the portal docs must be valid against the committed schema. */
describe('docs/portal.md examples', () => {
  const schema = buildSchema(readFileSync(path.join(ROOT, 'schema.graphql'), 'utf8'));
  const docs = readFileSync(path.join(ROOT, 'docs', 'portal.md'), 'utf8');
  const blocks = [...docs.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  it.each(blocks.map((b, i) => [i + 1, b]))(
    'example %i validates against schema.graphql',
    (_i, block) => {
      const errors = validate(schema, parse(block as string));
      expect(errors.map((e) => e.message)).toEqual([]);
    },
  );
});
