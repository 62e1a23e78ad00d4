import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { BadUserInputError, ConflictError } from '../../errors/app-errors';
import type { ResourceRepository } from '../../models/catalogue/resource.repository';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/**
 * The id a create request will insert under. Without a key it is new; with
 * one, the first request claims a fresh id under the key (a unique insert)
 * and every retry of the same request gets that id back, so all of them
 * converge on one document. A different request under the same key is a
 * CONFLICT. Keys are scoped to the person who sends them.
 */
export async function idForCreate(
  claims: Pick<ResourceRepository, 'claimIdempotencyKey'>,
  opts: { userId: string; idempotencyKey?: string; request: unknown; now: Date },
): Promise<Types.ObjectId> {
  const id = new Types.ObjectId();
  if (opts.idempotencyKey === undefined) return id;
  if (!IDEMPOTENCY_KEY.test(opts.idempotencyKey)) {
    throw new BadUserInputError(
      '幂等键应为 8–128 个字母、数字或 _.:- / idempotencyKey must be 8–128 of A-Z a-z 0-9 _ . : -',
      'idempotencyKey',
    );
  }
  const requestHash = createHash('sha256').update(JSON.stringify(opts.request)).digest('hex');
  const claim = await claims.claimIdempotencyKey({
    _id: `${opts.userId}:${opts.idempotencyKey}`,
    resultId: id,
    requestHash,
    createdAt: opts.now,
  });
  if (claim.requestHash !== requestHash) {
    throw new ConflictError(
      '该幂等键已用于另一个不同的请求 / idempotencyKey was already used for a different request',
      { field: 'idempotencyKey' },
    );
  }
  return claim.resultId;
}
