import { reanchor } from '../../shared/anchoring/reanchor';
import type { Annotation } from '../../shared/model/annotation';
import { targetFor } from '../../shared/text/quote';
import type { AnnotationFile } from './annotation-files-schema';

export interface Reattachment {
  /** Annotations now at other offsets than before (moved or fuzzily matched). */
  moved: number;
  /** Annotations that could not be placed and became orphans. */
  orphaned: number;
  /** Orphans of an earlier version that the new text holds again. */
  recovered: number;
}

/**
 * Brings one annotation file up to a changed article text: each annotation is placed again by
 * its quote and context; one that cannot be placed becomes an orphan, never dropped. Orphans are
 * tried again too, so an article edited back gets its annotations back. Edits `file` in place
 * (JsonStore hands edits a copy).
 */
export function reattachFile(file: AnnotationFile, text: string, fingerprint: string): Reattachment {
  const candidates = [...file.annotations, ...file.orphans];
  const placements = reanchor(
    text,
    candidates.map((a) => a.target),
  );
  const placed: Annotation[] = [];
  const orphans: Annotation[] = [];
  const result: Reattachment = { moved: 0, orphaned: 0, recovered: 0 };
  candidates.forEach((annotation, index) => {
    const placement = placements[index]!;
    const wasOrphan = index >= file.annotations.length;
    if (placement.kind === 'orphan') {
      orphans.push(annotation);
      if (!wasOrphan) result.orphaned++;
      return;
    }
    placed.push({ ...annotation, target: targetFor(text, placement.start, placement.end) });
    if (wasOrphan) result.recovered++;
    else if (placement.kind !== 'same') result.moved++;
  });
  file.annotations = placed.sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
  file.orphans = orphans;
  file.fingerprint = fingerprint;
  return result;
}

/** Whether a file's offsets were made against another text than the article's current one. */
export function needsReattaching(file: Pick<AnnotationFile, 'fingerprint'>, fingerprint: string): boolean {
  return file.fingerprint !== '' && file.fingerprint !== fingerprint;
}
