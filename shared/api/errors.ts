/** Error codes are stable (scripts and the renderer switch on them); messages are Dutch for the user. */
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_method'
  | 'no_workbook'
  | 'not_a_workbook'
  | 'workbook_too_new'
  | 'workbook_corrupt'
  | 'workbook_locked'
  | 'workbook_exists'
  | 'read_only'
  | 'not_found'
  | 'conflict'
  | 'import_rejected'
  | 'file_unreadable'
  | 'forbidden'
  | 'internal';

export interface ApiErrorShape {
  code: ErrorCode;
  /** Dutch, written for the user: names the file, row and column where there is one. */
  message: string;
  details?: unknown;
}

export class ApiError extends Error implements ApiErrorShape {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export function isApiErrorShape(value: unknown): value is ApiErrorShape {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}
