import { userInfo } from 'node:os';

/**
 * The annotator's name doubles as a file name (one annotation file per annotator),
 * so it is reduced to characters that are safe on every file system.
 */
export function annotatorName(requested?: string): string {
  let raw = requested ?? process.env.GLOSS_ANNOTATOR;
  if (!raw) {
    try {
      raw = userInfo().username;
    } catch {
      raw = 'annotator';
    }
  }
  const safe = raw
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '')
    .slice(0, 64);
  return safe || 'annotator';
}
