import { randomUUID } from 'node:crypto';
import type { AnalysedAnnotation } from '../../shared/analysis/analysed-annotation';
import type { Annotation } from '../../shared/model/annotation';
import {
  CURATION_ANNOTATOR,
  type CuratedProvenance,
  type CurationDecision,
  disagreementKey,
  type PassageRef,
} from '../../shared/model/curation';
import { targetFor } from '../../shared/text/quote';
import type { AnnotationFile } from '../project/annotation-files-schema';
import { removeRelationsOf } from '../project/relations';

/**
 * Edits of the curated layer's file of one document, pure: they run inside its save (which holds
 * the file's lock and starts from what is on disk), so two curators' decisions are both kept.
 *
 * The layer holds each passage (code, start, end) once: a passage already there is reused, never
 * copied again, by the agreed passages and by every decision that takes it. Offsets are UTF-16
 * code units into the document's current text.
 */

/** An annotator's passage taken into the layer: what it says, and whose it was. */
export interface SourcePassage {
  ref: PassageRef;
  annotation: AnalysedAnnotation;
}

/** What the curated copy of a passage is made from: its place and code, and the value or stakeholder it bears. */
interface PassageFields {
  code: string;
  start: number;
  end: number;
  value?: Annotation['value'];
  stakeholderId?: string;
  note?: string;
}

/** The curated annotation with this passage (same code, start and end), if the layer has one. */
export function findSamePassage(file: AnnotationFile, fields: PassageFields): Annotation | undefined {
  return file.annotations.find(
    (a) => a.code === fields.code && a.target.start === fields.start && a.target.end === fields.end,
  );
}

/**
 * The layer's annotation for a passage: the one already there, or a new one with its provenance.
 * Throws a RangeError when the offsets do not fit the text.
 */
export function takePassage(
  file: AnnotationFile,
  text: string,
  fields: PassageFields,
  provenance: CuratedProvenance,
): { annotation: Annotation; added: boolean } {
  const there = findSamePassage(file, fields);
  if (there) return { annotation: there, added: false };
  const annotation: Annotation = {
    id: randomUUID(),
    code: fields.code,
    author: CURATION_ANNOTATOR,
    created: provenance.at,
    modified: provenance.at,
    target: targetFor(text, fields.start, fields.end),
    ...(fields.note ? { note: fields.note } : {}),
    ...(fields.value ? { value: fields.value } : {}),
    ...(fields.stakeholderId ? { stakeholderId: fields.stakeholderId } : {}),
    curated: provenance,
  };
  file.annotations.push(annotation);
  return { annotation, added: true };
}

export function fieldsOf(annotation: AnalysedAnnotation): PassageFields {
  return {
    code: annotation.code,
    start: annotation.target.start,
    end: annotation.target.end,
    ...(annotation.value ? { value: annotation.value } : {}),
    ...(annotation.stakeholderId ? { stakeholderId: annotation.stakeholderId } : {}),
    ...(annotation.note ? { note: annotation.note } : {}),
  };
}

/** The decision recorded for a disagreement, if any. */
export function decisionOf(
  file: AnnotationFile | undefined,
  a: CurationDecision['a'],
  b: CurationDecision['b'],
): CurationDecision | null {
  const key = disagreementKey(a, b);
  return file?.decisions?.find((d) => disagreementKey(d.a, d.b) === key) ?? null;
}

/** Whether two records decide alike (who and when aside): deciding again with it changes nothing. */
export function decidesAlike(x: CurationDecision, y: CurationDecision): boolean {
  return (
    x.decision === y.decision &&
    JSON.stringify(x.edited ?? null) === JSON.stringify(y.edited ?? null) &&
    disagreementKey(x.a, x.b) === disagreementKey(y.a, y.b)
  );
}

export interface Sides {
  a: SourcePassage | null;
  b: SourcePassage | null;
}

/**
 * Records `record` (its `annotations` filled in here) in place of any earlier decision of the same
 * disagreement, whose annotations go unless another decision or the agreed passages keep them.
 */
export function applyDecision(
  file: AnnotationFile,
  text: string,
  record: CurationDecision,
  sides: Sides,
  edited?: PassageFields,
): { decision: CurationDecision; annotations: Annotation[]; previous: CurationDecision | null } {
  const previous = decisionOf(file, record.a, record.b);
  if (previous) file.decisions = (file.decisions ?? []).filter((d) => d !== previous);
  const from = [sides.a, sides.b].flatMap((side) => (side ? [side.ref] : []));
  const provenance = (decision: CuratedProvenance['decision'], refs: PassageRef[]): CuratedProvenance => ({
    from: refs,
    by: record.by,
    at: record.at,
    decision,
  });
  const taken: Annotation[] = [];
  const take = (side: SourcePassage, decision: 'a' | 'b' | 'both') =>
    taken.push(
      takePassage(file, text, fieldsOf(side.annotation), provenance(decision, [side.ref])).annotation,
    );
  if (record.decision === 'a' && sides.a) take(sides.a, 'a');
  if (record.decision === 'b' && sides.b) take(sides.b, 'b');
  if (record.decision === 'both') {
    if (sides.a) take(sides.a, 'both');
    if (sides.b) take(sides.b, 'both');
  }
  if (record.decision === 'edit' && edited)
    taken.push(takePassage(file, text, edited, provenance('edited', from)).annotation);
  const annotations = [...new Map(taken.map((a) => [a.id, a])).values()];
  const decision = { ...record, annotations: annotations.map((a) => a.id) };
  file.decisions = [...(file.decisions ?? []), decision];
  // Taken first, so a passage the new decision keeps is the same annotation, not removed and made again.
  if (previous) dropUntaken(file, previous.annotations);
  return { decision, annotations, previous };
}

/**
 * Takes the decision of a disagreement back: the record goes, and with it the curated annotations
 * it made that no other decision took and that are not agreed passages.
 */
export function withdrawDecision(
  file: AnnotationFile,
  a: CurationDecision['a'],
  b: CurationDecision['b'],
): { previous: CurationDecision | null; removed: Annotation[] } {
  const previous = decisionOf(file, a, b);
  if (!previous) return { previous, removed: [] };
  file.decisions = (file.decisions ?? []).filter((d) => d !== previous);
  return { previous, removed: dropUntaken(file, previous.annotations) };
}

/** Removes those of `ids` that no decision takes and that are not agreed passages. */
function dropUntaken(file: AnnotationFile, ids: readonly string[]): Annotation[] {
  const kept = new Set((file.decisions ?? []).flatMap((d) => d.annotations));
  const gone = new Set(
    ids.filter((id) => {
      if (kept.has(id)) return false;
      const annotation = file.annotations.find((x) => x.id === id);
      return annotation !== undefined && annotation.curated?.decision !== 'agreed';
    }),
  );
  return removeAnnotations(file, gone);
}

/** Removes curated annotations by id, their relations, and their ids from the decisions that took them. */
export function removeAnnotations(file: AnnotationFile, ids: ReadonlySet<string>): Annotation[] {
  const removed = file.annotations.filter((a) => ids.has(a.id));
  if (removed.length === 0) return removed;
  file.annotations = file.annotations.filter((a) => !ids.has(a.id));
  removeRelationsOf(file, ids);
  if (file.decisions)
    file.decisions = file.decisions.map((d) =>
      d.annotations.some((id) => ids.has(id))
        ? { ...d, annotations: d.annotations.filter((id) => !ids.has(id)) }
        : d,
    );
  return removed;
}
