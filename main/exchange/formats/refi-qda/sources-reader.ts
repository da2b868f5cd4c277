import type { PlannedAnnotation, PlannedDocument } from '../../import-plan';
import { documentPath } from './document-path';
import { valueOfNote } from './gloss-extensions';
import type { ReadContext } from './read-context';
import { readTextOf } from './read-context';
import { normaliseSourceText, type SourceText } from './source-text';
import { childNamed, childrenNamed, listed, type XmlNode } from './xml-reader';

/** Where each selection went, so Links can point at its annotation. */
export type SelectionIndex = Map<string, { document: PlannedDocument; sourceId: string }>;

/**
 * Each TextSource as a document, its coded PlainTextSelections as annotations (one per Coding).
 * Picture, PDF, audio and video sources have no text for Gloss and are passed over, as are
 * codings of a whole source and selections without a code.
 */
export function readSources(project: XmlNode, context: ReadContext) {
  const documents: PlannedDocument[] = [];
  const selections: SelectionIndex = new Map();
  const taken = new Set<string>();
  for (const source of listed(project, 'Sources', 'TextSource')) {
    const guid = context.problems.guid(source, 'guid', true);
    const stored = readTextOf(source, context);
    if (stored === undefined || !guid) continue;
    const text = normaliseSourceText(stored);
    const document: PlannedDocument = {
      path: documentPath(source.attrs.get('name') ?? guid, taken),
      text: text.text,
      annotations: [],
      relations: [],
    };
    for (const node of childrenNamed(source, 'PlainTextSelection')) {
      const annotations = readSelection(node, text, context);
      if (annotations.length === 0) continue;
      document.annotations.push(...annotations);
      // The first annotation's sourceId is the selection's GUID.
      const sourceId = annotations[0]!.sourceId;
      selections.set(sourceId, { document, sourceId });
    }
    documents.push(document);
  }
  return { documents, selections };
}

function readSelection(node: XmlNode, text: SourceText, context: ReadContext): PlannedAnnotation[] {
  const { problems } = context;
  const guid = problems.guid(node, 'guid', true);
  const start = position(node, 'startPosition', context);
  const end = position(node, 'endPosition', context);
  if (!guid || start === undefined || end === undefined) return [];
  const label = `selection "${node.attrs.get('name') ?? guid}"`;
  if (start >= end) {
    problems.add(`${label} is empty or reversed (positions ${start}–${end})`, node);
    return [];
  }
  if (end > text.length) {
    problems.add(
      `${label} runs past the end of its source (positions ${start}–${end}; the text has ${text.length} characters)`,
      node,
    );
    return [];
  }
  const notes: string[] = [];
  let value: PlannedAnnotation['value'];
  const description = childNamed(node, 'Description')?.text;
  if (description) notes.push(description);
  const codings = childrenNamed(node, 'Coding');
  for (const ref of [node, ...codings].flatMap((n) => childrenNamed(n, 'NoteRef'))) {
    const target = problems.guid(ref, 'targetGUID', true);
    const note = target && context.notes.get(target);
    if (note === undefined || note === '') continue;
    const noteValue = valueOfNote(note);
    if (noteValue) value = noteValue;
    else notes.push(note);
  }
  const stakeholder = context.stakeholderBySelection.get(guid);
  const selectionCreated = timestamp(node.attrs.get('creationDateTime'));
  const modified = timestamp(node.attrs.get('modifiedDateTime'));
  const out: PlannedAnnotation[] = [];
  for (const coding of codings) {
    const ref = childNamed(coding, 'CodeRef');
    if (!ref) {
      problems.add('<Coding> has no CodeRef', coding);
      continue;
    }
    const codeGuid = problems.guid(ref, 'targetGUID', true);
    const code = codeGuid && context.codeNames.get(codeGuid);
    if (!code) {
      if (codeGuid) problems.add(`<CodeRef> points to a code ${codeGuid} that is not in the codebook`, ref);
      continue;
    }
    const user = problems.guid(coding, 'creatingUser', false) ?? problems.guid(node, 'creatingUser', false);
    const author = user && (context.userNames.get(user) ?? user);
    const created = selectionCreated ?? timestamp(coding.attrs.get('creationDateTime'));
    out.push({
      sourceId: out.length === 0 ? guid : `${guid}/${out.length + 1}`,
      start: text.toUtf16(start),
      end: text.toUtf16(end),
      code,
      ...(author && { author }),
      ...(notes.length > 0 && { note: notes.join('\n\n') }),
      ...(value && { value }),
      ...(stakeholder && { stakeholder }),
      ...(created && { created }),
      ...(modified && { modified }),
    });
  }
  return out;
}

function position(node: XmlNode, attribute: string, context: ReadContext): number | undefined {
  const value = context.problems.required(node, attribute)?.trim();
  if (value === undefined) return undefined;
  if (!/^\+?\d+$/.test(value)) {
    context.problems.add(`<${node.name}> ${attribute} "${value}" is not a whole number of 0 or more`, node);
    return undefined;
  }
  return Number(value);
}

/** An xsd:dateTime as ISO 8601 with a zone (one without a zone is taken as UTC); else undefined. */
function timestamp(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(value.trim()) ? value.trim() : `${value.trim()}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
