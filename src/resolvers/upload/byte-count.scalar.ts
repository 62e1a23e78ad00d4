import { GraphQLScalarType, Kind } from 'graphql';

const check = (value: unknown): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new TypeError(
      'ByteCount 应为 0 到 2^53-1 的整数 / ByteCount must be an integer 0…2^53-1',
    );
  return value;
};

/** Sizes beyond GraphQL's 32-bit Int (a 4 GiB video), still exact integers. */
export const ByteCount = new GraphQLScalarType({
  name: 'ByteCount',
  description:
    '字节数：0 到 2^53-1 的整数（超出 32 位 Int 的范围）/ a number of bytes: an integer 0…2^53-1 (beyond 32-bit Int)',
  serialize: check,
  parseValue: check,
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT)
      throw new TypeError('ByteCount 应为整数 / ByteCount must be an integer');
    return check(Number(ast.value));
  },
});
