/**
 * The typed errors services throw. Each has a stable code that becomes
 * `extensions.code` in GraphQL responses (see `graphql/format-error.ts`).
 * Anything else that escapes a resolver is an internal error and is masked.
 */
export type AppErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INVALID_TRANSITION'
  | 'LICENSE_FORBIDS';

export abstract class AppError extends Error {
  abstract readonly code: AppErrorCode;
  /** Extra, safe-to-show details merged into `extensions`. */
  readonly details?: Record<string, unknown>;

  constructor(message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class BadUserInputError extends AppError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message, field ? { field } : undefined);
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED' as const;
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN' as const;
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND' as const;
}

export class ConflictError extends AppError {
  readonly code = 'CONFLICT' as const;
}

export class RateLimitedError extends AppError {
  readonly code = 'RATE_LIMITED' as const;
}

export class UnavailableError extends AppError {
  readonly code = 'SERVICE_UNAVAILABLE' as const;
}

export class InvalidTransitionError extends AppError {
  readonly code = 'INVALID_TRANSITION' as const;
}

export class LicenseForbidsError extends AppError {
  readonly code = 'LICENSE_FORBIDS' as const;
}
