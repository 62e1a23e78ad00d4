import { DocumentNode, Kind, visit } from 'graphql';
import { LimitViolation, violation } from './violations';

/**
 * Number of aliased fields written in the document (all operations and
 * fragments, each node once). The executed cost of aliases, including
 * aliases inside fragments spread many times, is charged by the complexity
 * estimate; this limit stops alias flooding before any type-aware work.
 */
export function countAliases(document: DocumentNode): number {
  let count = 0;
  visit(document, {
    [Kind.FIELD](node) {
      if (node.alias) count += 1;
    },
  });
  return count;
}

/** `QUERY_TOO_MANY_ALIASES` if the document has more than `maxAliases` aliases. */
export function checkAliases(
  document: DocumentNode,
  maxAliases: number,
): { aliases: number; violation?: LimitViolation } {
  const aliases = countAliases(document);
  if (aliases <= maxAliases) return { aliases };
  return {
    aliases,
    violation: violation(
      'QUERY_TOO_MANY_ALIASES',
      `查询使用的别名过多（${aliases} 个，上限 ${maxAliases}）`,
      `Query uses too many aliases (${aliases}, limit ${maxAliases})`,
      { limit: maxAliases, actual: aliases },
    ),
  };
}
