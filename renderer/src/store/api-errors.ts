import { ApiError, type ApiErrorShape } from '../../../shared/api-error';

/** Any failure of an API call as the screens show it: a message, and the file at fault if any. */
export function errorShape(error: unknown): ApiErrorShape {
  if (error instanceof ApiError) return error.toJSON();
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
