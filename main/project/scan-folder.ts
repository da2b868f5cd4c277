import { type Dirent, statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { SkippedFile } from '../../shared/model/document';
import { formatOf, isOfficeOwnerFile } from '../sources/extract-document';
import { SyncWhileFast } from '../storage/sync-while-fast';
import { forEachLimited } from './for-each-limited';

/** Larger files are not articles and would stall extraction. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export interface FoundFile {
  /** Project-relative path with "/" separators: the document's key. */
  key: string;
  path: string;
  size: number;
  mtimeMs: number;
}

export interface FolderScan {
  files: FoundFile[];
  skipped: SkippedFile[];
}

/**
 * Lists the articles of a project folder, recursively, in a stable order.
 * Gloss's own folder and hidden files are passed over silently; everything else that is
 * not an article is reported with the reason, so the researcher knows why it is missing.
 */
export async function scanFolder(root: string): Promise<FolderScan> {
  const files: FoundFile[] = [];
  const skipped: SkippedFile[] = [];
  const realRoot = await realpath(root);
  // Keys are built as the walk goes, "" being the root, rather than by path.relative for every file.
  const pending: { dir: string; key: string }[] = [{ dir: root, key: '' }];
  const stats = new SyncWhileFast();

  while (pending.length > 0) {
    const { dir, key: dirKey } = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: dirKey, reason: `folder could not be read (${codeOf(error)})` });
      continue;
    }
    const candidates: { path: string; key: string; viaLink: boolean }[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.') || isOfficeOwnerFile(entry.name)) continue;
      const path = join(dir, entry.name);
      const key = dirKey ? `${dirKey}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        pending.push({ dir: path, key });
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (!formatOf(entry.name)) {
          skipped.push({ path: key, reason: unsupportedReason(entry.name) });
          continue;
        }
        candidates.push({ path, key, viaLink: entry.isSymbolicLink() });
      } else {
        skipped.push({ path: key, reason: 'not a regular file' });
      }
    }
    await forEachLimited(candidates, 32, async ({ path, key, viaLink }) => {
      try {
        const info = await stats.call(
          () => statSync(path),
          () => stat(path),
        );
        if (viaLink) {
          const target = await realpath(path);
          if (!target.startsWith(realRoot + sep)) {
            skipped.push({ path: key, reason: 'link to a file outside the project folder' });
            return;
          }
          if (info.isDirectory()) {
            skipped.push({ path: key, reason: 'link to a folder (links to folders are not followed)' });
            return;
          }
        }
        if (!info.isFile()) skipped.push({ path: key, reason: 'not a regular file' });
        else if (info.size === 0) skipped.push({ path: key, reason: 'empty file' });
        else if (info.size > MAX_DOCUMENT_BYTES) skipped.push({ path: key, reason: 'larger than 64 MB' });
        else files.push({ key, path, size: info.size, mtimeMs: info.mtimeMs });
      } catch (error) {
        skipped.push({ path: key, reason: unreadableReason(error) });
      }
    });
  }
  files.sort((a, b) => compareKeys(a.key, b.key));
  skipped.sort((a, b) => compareKeys(a.path, b.path));
  return { files, skipped };
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
/** Natural order, so "news/2.txt" comes before "news/10.txt" as a researcher expects. */
export function compareKeys(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

function unsupportedReason(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0
    ? `unsupported file type (${name.slice(dot).toLowerCase()})`
    : 'unsupported file type (no extension)';
}

/** Why a file could not be read, in words, with the system's code for whoever reports it. */
function unreadableReason(error: unknown): string {
  const code = codeOf(error);
  const words: Record<string, string> = {
    ELOOP: 'link that loops back on itself',
    ENOENT: 'link to a file that does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
  };
  return words[code] ? `could not be read: ${words[code]} (${code})` : `could not be read (${code})`;
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
