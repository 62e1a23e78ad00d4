import { DocumentNode, Kind, visit } from 'graphql';
import { LimitViolation, violation } from './violations';

/**
 * Number of directive applications anywhere in the document. Repeats count
 * one by one: `@skip(if: false) @skip(if: false) …` is a known way to make
 * servers spend time in validation and directive evaluation.
 */
export function countDirectives(document: DocumentNode): number {
  let count = 0;
  visit(document, {
    [Kind.DIRECTIVE]() {
      count += 1;
    },
  });
  return count;
}

/** `QUERY_TOO_MANY_DIRECTIVES` if the document applies more than `maxDirectives` directives. */
export function checkDirectives(
  document: DocumentNode,
  maxDirectives: number,
): { directives: number; violation?: LimitViolation } {
  const directives = countDirectives(document);
  if (directives <= maxDirectives) return { directives };
  return {
    directives,
    violation: violation(
      'QUERY_TOO_MANY_DIRECTIVES',
      `查询使用的指令过多（${directives} 个，上限 ${maxDirectives}）`,
      `Query uses too many directives (${directives}, limit ${maxDirectives})`,
      { limit: maxDirectives, actual: directives },
    ),
  };
}
