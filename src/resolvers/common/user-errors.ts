import { AppError } from '../../errors/app-errors';

/** Codes that are expected outcomes of a mutation and go into `userErrors` rather than `errors`. */
const EXPECTED = new Set(['BAD_USER_INPUT', 'CONFLICT', 'INVALID_TRANSITION', 'LICENSE_FORBIDS']);

/**
 * Runs a mutation, turning expected failures (validation, stale version,
 * illegal transition, licence refusal) into `userErrors`. Authorization and
 * not-found stay top-level errors: they are not something to correct in a form.
 */
export async function withUserErrors<T, P>(
  run: () => Promise<T>,
  wrap: (
    value: T | null,
    errors: Array<{ field: string | null; code: string; message: string }>,
  ) => P,
): Promise<P> {
  try {
    return wrap(await run(), []);
  } catch (err) {
    if (err instanceof AppError && EXPECTED.has(err.code)) {
      const field = typeof err.details?.field === 'string' ? err.details.field : null;
      return wrap(null, [{ field, code: err.code, message: err.message }]);
    }
    throw err;
  }
}
