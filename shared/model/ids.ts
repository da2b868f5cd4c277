import { z } from 'zod';

/** What an id is made of (at most ID_MAX_LENGTH of them); also checked without zod on reading a file. */
export const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
export const ID_MAX_LENGTH = 64;

/** Ids are short opaque strings; the browser host and IPC both receive them from the renderer. */
export const Id = z
  .string()
  .min(1)
  .max(ID_MAX_LENGTH)
  .regex(ID_PATTERN, 'ids use letters, digits, "-" and "_" only');

/**
 * A document's key: its path relative to the project root, with "/" separators.
 * Checked here for shape only; main/ resolves it and refuses anything outside the project.
 */
export const DocumentKey = z
  .string()
  .min(1)
  .max(1024)
  .refine(
    (k) => !k.startsWith('/') && !k.includes('\\') && !k.includes('\0'),
    'a document key is a relative path with "/" separators',
  )
  .refine(
    (k) => !k.split('/').some((part) => part === '..' || part === '.' || part === ''),
    'a document key has no ".", ".." or empty parts',
  );

/** ISO-8601 timestamp, as written by Date.prototype.toISOString. */
export const Timestamp = z.string().datetime({ offset: true });
