import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentStatus } from '../../shared/model/document';

export interface ColleagueWork {
  /** The document's key, "/" separated. */
  key: string;
  annotator: string;
  status: DocumentStatus;
  /** How many annotations: each one on `quote`, the first place it stands in `text`. */
  count: number;
  text: string;
  quote: string;
  /** SHA-256 of `text` the offsets were made against; empty when it does not matter. */
  fingerprint?: string;
}

/**
 * An annotation file as Gloss writes it, for an annotator other than the one a test opens the
 * project as: their work as it arrives on disk from another computer, by a sync or a share.
 */
export function colleagueFileJson(work: ColleagueWork): string {
  const { key, annotator, status, count, text, quote } = work;
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`"${quote}" is not in the text of ${key}`);
  const end = start + quote.length;
  return JSON.stringify({
    format: 'gloss-annotations',
    schemaVersion: 1,
    document: key,
    annotator,
    fingerprint: work.fingerprint ?? '',
    status,
    note: '',
    annotations: Array.from({ length: count }, (_, i) => ({
      id: `${annotator}-${i}`,
      code: 'privacy',
      author: annotator,
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
      target: {
        start,
        end,
        quote,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(end, end + 32),
      },
    })),
    orphans: [],
    relations: [],
  });
}

/** Writes `content` as `annotator`'s file of `key` in the project at `root`; resolves to its path. */
export async function writeColleagueFile(
  root: string,
  key: string,
  annotator: string,
  content: string,
): Promise<string> {
  const dir = join(root, '.gloss/annotations', ...key.split('/'));
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${annotator}.json`);
  await writeFile(path, content);
  return path;
}
