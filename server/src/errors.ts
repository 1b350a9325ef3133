// The one error type services throw. Its code maps to a tRPC code (trpc/errors.ts) and to an
// HTTP status for plain express routes, so every failure reaches the client the same way.
export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'PRECONDITION_FAILED'
  | 'INTERNAL';

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  PRECONDITION_FAILED: 412,
  INTERNAL: 500,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Stable machine-readable reason, e.g. 'impersonation.blocked'; the SPA translates it. */
  readonly reason: string | undefined;
  /** Field errors for forms: { email: ['already registered'] }. */
  readonly fields: Record<string, string[]> | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    opts: { reason?: string; fields?: Record<string, string[]> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.reason = opts.reason;
    this.fields = opts.fields;
  }
}
