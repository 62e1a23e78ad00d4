import type { RequestHandler } from 'express';
import { GraphQLSchema } from 'graphql';
import { analyzeBatch } from './batch-limit';
import { BatchLimitOptions, QueryLimitOptions } from './limit-options';
import { LimitViolation } from './violations';

/**
 * Express middleware for the GraphQL route, mounted after `express.json()`
 * and before Apollo: rejects a JSON-array body that has too many operations,
 * an operation over a limit, or a summed cost over `maxBatchCost`, with HTTP
 * 400 and a GraphQL-shaped error body. Non-array bodies pass untouched (the
 * Apollo plugin checks them). On success the batch's total cost is left in
 * `res.locals.queryBatchCost` for a rate limiter.
 */
export function createBatchLimitMiddleware(
  schema: GraphQLSchema | (() => GraphQLSchema),
  options: { limits?: Partial<QueryLimitOptions>; batch?: Partial<BatchLimitOptions> } = {},
): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.body;
    if (!Array.isArray(body)) {
      next();
      return;
    }
    const analysis = analyzeBatch(typeof schema === 'function' ? schema() : schema, body, options);
    const violations: LimitViolation[] = [
      ...analysis.violations,
      ...analysis.items.flatMap((item) => item.violations),
    ];
    if (violations.length === 0) {
      res.locals.queryBatchCost = analysis.totalCost;
      next();
      return;
    }
    res.status(400).json({
      errors: violations.map((v) => ({
        message: v.message,
        extensions: { code: v.code, limit: v.limit, actual: v.actual, path: v.path },
      })),
    });
  };
}
