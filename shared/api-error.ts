/**
 * Errors that cross the API boundary. `code` is for programs, `message` for the researcher,
 * `file` names the project file at fault when there is one.
 */
export type ApiErrorCode =
  | 'bad-request' // the request does not match the contract
  | 'not-found' // no such document, annotation, code or stakeholder
  | 'no-project' // nothing is open yet
  | 'invalid-file' // a project file could not be parsed or validated; it is left as it is
  | 'conflict' // the request contradicts the project's state (duplicate id, code in use…)
  | 'forbidden' // outside the project, or not allowed on this transport
  | 'io' // the disk refused (full, read-only, permissions)
  | 'cancelled' // the researcher stopped it (a long search)
  | 'internal';

export interface ApiErrorShape {
  code: ApiErrorCode;
  message: string;
  file?: string;
}

export class ApiError extends Error implements ApiErrorShape {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }

  toJSON(): ApiErrorShape {
    return this.file === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, file: this.file };
  }

  static from(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.file);
  }
}

/**
 * What every transport carries back (Electron IPC, the browser host's HTTP, in-process): a result,
 * or an error in the shape above. An API error is an answer like any other; over HTTP it travels
 * with status 200, and only the host's own refusals (sign-in, origin, method, size) use error statuses.
 */
export type ApiEnvelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorShape };

/** The envelope of a failed call. */
export function errorEnvelope(code: ApiErrorCode, message: string): ApiEnvelope<never> {
  return { ok: false, error: { code, message } };
}
