/** Every failure Duet reports, to HTTP clients and over Socket.IO acks alike. */
export const ERROR_CODES = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  ROOM_FULL: 409,
  LENGTH_REQUIRED: 411,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type TErrorCode = keyof typeof ERROR_CODES;

export interface TAppErrorBody {
  code: TErrorCode;
  message: string;
  /** Field-level problems of a VALIDATION error, keyed by field name. */
  fields?: Record<string, string>;
  /** A RATE_LIMITED (or busy UNAVAILABLE) error: how long until a retry can succeed. */
  retryAfterMs?: number;
}

export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }

  toBody(): TAppErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields && { fields: this.fields }),
      ...(this.retryAfterMs !== undefined && { retryAfterMs: this.retryAfterMs }),
    };
  }
}

/** Server code has one AppError class per process (next.config.js), so `instanceof` is the whole test. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
