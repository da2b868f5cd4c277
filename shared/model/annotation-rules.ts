import { targetFor } from '../text/quote';
import type { Annotation } from './annotation';
// Types only from the schema modules, and roleOf from codebook-tree: the page's bundle must not take in zod
// (its compiled checks use Function(), which the page's Content-Security-Policy refuses).
import type { Codebook } from './codebook';
import { roleOf } from './codebook-tree';
import type { FigureValue } from './figure';
import type { Stakeholder } from './stakeholder';

/**
 * The rules of an annotation, in one place: how a new one is made, how changes apply to one, and
 * which codes take a value or a stakeholder. The project saves by them and the screen shows a
 * change by them before the save answers, so what is shown and what is saved never drift apart.
 */

/** A figure value as a request may carry it: the qualifier defaults to "exactly". */
type FigureValueInput = Omit<FigureValue, 'qualifier'> & { qualifier?: FigureValue['qualifier'] };

export interface NewAnnotationFields {
  id: string;
  code: string;
  /** UTF-16 offsets into `text`, end exclusive. */
  start: number;
  end: number;
  note?: string;
  value?: FigureValueInput;
  stakeholderId?: string;
}

/** Changes to an annotation: a field left out stays, `null` (or an empty note) removes it. */
export interface AnnotationChanges {
  code?: string;
  start?: number;
  end?: number;
  note?: string | null;
  value?: FigureValueInput | null;
  stakeholderId?: string | null;
}

/** A new annotation of `author` on a passage of `text`, made at `now`. Throws on offsets outside the text. */
export function newAnnotation(
  text: string,
  fields: NewAnnotationFields,
  author: string,
  now: string,
): Annotation {
  return {
    id: fields.id,
    code: fields.code,
    author,
    created: now,
    modified: now,
    target: targetFor(text, fields.start, fields.end),
    ...(fields.note ? { note: fields.note } : {}),
    ...(fields.value ? { value: figureValue(fields.value) } : {}),
    ...(fields.stakeholderId ? { stakeholderId: fields.stakeholderId } : {}),
  };
}

/**
 * The annotation with `changes` applied at `now`. A moved passage is quoted again from `text`;
 * without the text (a change that does not move it needs none) the passage stays.
 */
export function applyAnnotationChanges(
  current: Annotation,
  changes: AnnotationChanges,
  text: string | undefined,
  now: string,
): Annotation {
  const next: Annotation = { ...current, modified: now };
  if (changes.code !== undefined) next.code = changes.code;
  if ((changes.start !== undefined || changes.end !== undefined) && text !== undefined) {
    next.target = targetFor(text, changes.start ?? current.target.start, changes.end ?? current.target.end);
  }
  if (changes.note === null || changes.note === '') delete next.note;
  else if (changes.note !== undefined) next.note = changes.note;
  if (changes.value === null) delete next.value;
  else if (changes.value !== undefined) next.value = figureValue(changes.value);
  if (changes.stakeholderId === null) delete next.stakeholderId;
  else if (changes.stakeholderId !== undefined) next.stakeholderId = changes.stakeholderId;
  return next;
}

/**
 * What changing an annotation's code to `code` must clear with it: a value belongs only on a
 * figure code, a stakeholder only on a stakeholder code.
 */
export function clearedByRecoding(
  book: Codebook,
  annotation: Pick<Annotation, 'value' | 'stakeholderId'>,
  code: string,
): { value?: null; stakeholderId?: null } {
  const role = roleOf(book, code);
  return {
    ...(annotation.value !== undefined && role !== 'figure' ? { value: null } : {}),
    ...(annotation.stakeholderId !== undefined && role !== 'stakeholder' ? { stakeholderId: null } : {}),
  };
}

/**
 * Why an annotation may not carry this code with this value or stakeholder, in words; undefined
 * when it may. A code must exist and be codable (not a group); values go with figure codes,
 * stakeholders (which must be in the register) with stakeholder codes.
 */
export function codeUseProblem(
  book: Codebook,
  register: readonly Stakeholder[],
  codeId: string,
  use: { value?: unknown; stakeholderId?: string },
): { kind: 'not-found' | 'bad-request'; message: string } | undefined {
  const code = book.codes.find((c) => c.id === codeId);
  if (!code) return { kind: 'not-found', message: `There is no code "${codeId}" in the codebook` };
  if (!code.codable) {
    return {
      kind: 'bad-request',
      message: `"${code.name}" is a group of codes; apply one of its codes instead`,
    };
  }
  const role = roleOf(book, codeId);
  if (use.value !== undefined && role !== 'figure') {
    return { kind: 'bad-request', message: `"${code.name}" is not a figure code, so it takes no value` };
  }
  if (use.stakeholderId !== undefined) {
    if (role !== 'stakeholder')
      return { kind: 'bad-request', message: `"${code.name}" is not a stakeholder code` };
    if (!register.some((s) => s.id === use.stakeholderId)) {
      return { kind: 'not-found', message: `There is no stakeholder "${use.stakeholderId}" in the register` };
    }
  }
  return undefined;
}

function figureValue(value: FigureValueInput): FigureValue {
  return { ...value, qualifier: value.qualifier ?? 'exactly' };
}
