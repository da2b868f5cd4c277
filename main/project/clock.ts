/**
 * Where Gloss takes the time it stamps on annotations, relations and rejections from: one
 * place, so tests can fix it and every stamp of one change is the same instant.
 */
export interface Clock {
  /** The current time as an ISO 8601 string (UTC), as stored in `created` and `modified`. */
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };
