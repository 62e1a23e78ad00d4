import { GraphQLError, Kind } from 'graphql';
import {
  checkLength,
  checkTokenCount,
  countTokens,
  parseWithLimits,
} from '../../src/portal/limits/parse-limit';

describe('parseWithLimits', () => {
  const limits = { maxLength: 1_000, maxTokens: 50 };

  it('parses a document within the limits', () => {
    const result = parseWithLimits('{ resources(first: 5) { totalCount } }', limits);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.document.kind).toBe(Kind.DOCUMENT);
  });

  it('maps the parser maxTokens error to QUERY_TOO_MANY_TOKENS', () => {
    const source = `{ ${'a '.repeat(60)}}`; // 62 tokens, 125 characters
    const result = parseWithLimits(source, limits);
    expect(result).toMatchObject({
      ok: false,
      violations: [{ code: 'QUERY_TOO_MANY_TOKENS', limit: 50 }],
    });
    if (!result.ok) {
      expect(result.violations[0].messageZh).toContain('词法单元');
      expect(result.violations[0].messageEn).toContain('too many tokens');
      expect(result.violations[0].message).toBe(
        `${result.violations[0].messageZh} / ${result.violations[0].messageEn}`,
      );
    }
  });

  it('rejects an over-long document before parsing it', () => {
    // Padding with a comment: comments are not tokens, so only the length limit can stop this.
    const source = `{ a } #${'x'.repeat(2_000)}`;
    const result = parseWithLimits(source, limits);
    expect(result).toMatchObject({
      ok: false,
      violations: [{ code: 'QUERY_TOO_LONG', limit: 1_000, actual: source.length }],
    });
  });

  it('passes a syntax error through as the parser GraphQLError, not as a violation', () => {
    const result = parseWithLimits('{ resources(first: 1) {', limits);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations).toEqual([]);
    expect(result.syntaxError).toBeInstanceOf(GraphQLError);
    expect(result.syntaxError?.message).toMatch(/^Syntax Error/);
  });
});

describe('token counting', () => {
  it('counts like the parser (comments excluded) and stops after the limit', () => {
    expect(countTokens('{ a b }')).toBe(4);
    expect(countTokens('# only a comment\n{ a }')).toBe(3);
    expect(countTokens(`{ ${'a '.repeat(10_000)}}`, 100)).toBe(101);
  });

  it('checkTokenCount and checkLength report only above the limit', () => {
    expect(checkTokenCount('{ a b }', 4)).toBeUndefined();
    expect(checkTokenCount('{ a b }', 3)?.code).toBe('QUERY_TOO_MANY_TOKENS');
    expect(checkLength('abc', 3)).toBeUndefined();
    expect(checkLength('abcd', 3)?.code).toBe('QUERY_TOO_LONG');
  });
});
