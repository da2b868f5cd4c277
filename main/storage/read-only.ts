import { ApiError } from '../../shared/api-error';

/**
 * The one check every change passes. Whether a project is read-only is decided once, when it is
 * opened (`gloss info`, `Project.open(…, { readOnly: true })`), and handed down to what writes:
 * its stores, its cache, its listing (which then moves nothing). Refused the same way everywhere:
 * a 'forbidden' error naming what is open read-only.
 */
export function assertWritable(readOnly: boolean, name: string, file?: string): void {
  if (readOnly) throw new ApiError('forbidden', `${name} is open read-only; nothing can be changed`, file);
}
