import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';

/**
 * Makes sure the user's copy of the sample project exists and returns its path. The shipped
 * sample is read-only (and must stay unchanged), so Gloss opens a copy; an existing copy
 * keeps the user's annotations and is never overwritten.
 */
export async function prepareSampleProject(bundled: string, copy: string): Promise<string> {
  if (!existsSync(copy)) await cp(bundled, copy, { recursive: true });
  return copy;
}
