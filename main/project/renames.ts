import { mkdir, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '../storage/read-json-file';
import type { AnnotationFileRef } from './annotation-files';
import type { ProjectLayout } from './layout';

export interface Rename {
  from: string;
  to: string;
}

/**
 * Articles renamed or moved outside Gloss, recognised by their text: an annotated key that is no
 * longer in the folder, whose annotation files were made against the fingerprint of an article
 * that has no annotations yet. Only a single candidate counts; two copies of one text are left
 * for the researcher, since guessing could give one article another's work.
 */
export function matchRenames(
  missing: ReadonlyMap<string, ReadonlySet<string>>,
  articles: readonly { key: string; fingerprint: string }[],
  annotated: ReadonlySet<string>,
): Rename[] {
  const byFingerprint = new Map<string, string[]>();
  for (const { key, fingerprint } of articles) {
    if (annotated.has(key)) continue;
    byFingerprint.set(fingerprint, [...(byFingerprint.get(fingerprint) ?? []), key]);
  }
  const renames: Rename[] = [];
  const claimed = new Set<string>();
  for (const [from, fingerprints] of missing) {
    const candidates = new Set([...fingerprints].flatMap((f) => byFingerprint.get(f) ?? []));
    if (candidates.size !== 1) continue;
    const [to] = candidates as Set<string>;
    if (claimed.has(to!)) continue;
    claimed.add(to!);
    renames.push({ from, to: to! });
  }
  return renames;
}

/** The fingerprints the annotation files of keys no longer in the folder were made against. */
export async function missingKeys(
  refs: readonly AnnotationFileRef[],
  present: ReadonlySet<string>,
): Promise<Map<string, Set<string>>> {
  const missing = new Map<string, Set<string>>();
  for (const ref of refs) {
    if (present.has(ref.key)) continue;
    const fingerprints = missing.get(ref.key) ?? new Set<string>();
    missing.set(ref.key, fingerprints);
    const fingerprint = await readFingerprint(ref.path);
    if (fingerprint) fingerprints.add(fingerprint);
  }
  return missing;
}

/**
 * Moves a document's annotations and rejected suggestions to its new key. A folder already at
 * the new key stops the move: nothing is merged or overwritten.
 */
export async function moveDocumentData(layout: ProjectLayout, { from, to }: Rename): Promise<boolean> {
  const moves = [
    { from: layout.annotationDir(from), to: layout.annotationDir(to) },
    {
      from: dirname(layout.suggestionsFile(from, 'x')),
      to: dirname(layout.suggestionsFile(to, 'x')),
    },
  ];
  if (await exists(moves[0]!.to)) return false;
  for (const move of moves) {
    if (!(await exists(move.from)) || (await exists(move.to))) continue;
    await mkdir(dirname(move.to), { recursive: true });
    await rename(move.from, move.to);
  }
  return true;
}

/** Only the fingerprint counts here: a file invalid in other ways still tells where its article went. */
const Fingerprinted = z.object({ fingerprint: z.string().min(1) });

async function readFingerprint(path: string): Promise<string | undefined> {
  const read = await readJsonFile(path, { displayName: path, schema: Fingerprinted });
  return read.status === 'valid' ? read.value.fingerprint : undefined;
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
