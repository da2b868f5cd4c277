import { formatOf } from '../../../sources/extract-document';
import type { PlannedAnnotation, PlannedDocument } from '../../import-plan';
import { entryForPath } from './archive-text';
import { documentPath } from './document-path';
import { valueOfNote } from './gloss-extensions';
import type { ReadContext } from './read-context';
import { readTextOf } from './read-context';
import { normaliseSourceText, type SourceText } from './source-text';
import { childNamed, childrenNamed, type XmlNode } from './xml-reader';

/** Where each selection went, so Links can point at its annotation. */
export type SelectionIndex = Map<string, { document: PlannedDocument; sourceId: string }>;

/**
 * Each TextSource as a document, its coded PlainTextSelections as annotations (one per Coding).
 * A PDFSource is a document too: its Representation (the tool's plain text of it, with its
 * selections) when it has one, else the text Gloss extracts from the PDF itself. A TextSource
 * with only its Word file (richTextPath) takes the text Gloss extracts from that. What has no
 * place in Gloss is left out and said so in the summary: selections by area of a PDF page,
 * positions into a tool's own text of a file when only the file came, picture, audio and video
 * sources. Codings of a whole source and selections without a code are passed over.
 */
export function readSources(project: XmlNode, context: ReadContext) {
  const documents: PlannedDocument[] = [];
  const selections: SelectionIndex = new Map();
  const taken = new Set<string>();
  const add = (source: XmlNode, guid: string, text: SourceText, selectionsIn: XmlNode | undefined): void => {
    const document: PlannedDocument = {
      path: documentPath(source.attrs.get('name') ?? guid, taken),
      text: text.text,
      annotations: [],
      relations: [],
    };
    for (const node of selectionsIn ? childrenNamed(selectionsIn, 'PlainTextSelection') : []) {
      const annotations = readSelection(node, text, context);
      if (annotations.length === 0) continue;
      document.annotations.push(...annotations);
      // The first annotation's sourceId is the selection's GUID.
      const sourceId = annotations[0]!.sourceId;
      selections.set(sourceId, { document, sourceId });
    }
    documents.push(document);
  };
  for (const source of childNamed(project, 'Sources')?.children ?? []) {
    if (source.name === 'TextSource') readTextSource(source, context, add);
    else if (source.name === 'PDFSource') readPdfSource(source, context, add);
    else if (MEDIA_SOURCES.has(source.name)) {
      context.leftOut.add(
        `<${source.name}>`,
        'Gloss annotates text, and this source is a picture, a recording or a video',
      );
    }
  }
  return { documents, selections };
}

const MEDIA_SOURCES = new Set(['PictureSource', 'AudioSource', 'VideoSource']);

type AddDocument = (
  source: XmlNode,
  guid: string,
  text: SourceText,
  selectionsIn: XmlNode | undefined,
) => void;

function readTextSource(source: XmlNode, context: ReadContext, add: AddDocument): void {
  const guid = context.problems.guid(source, 'guid', true);
  const hasPlainText = source.attrs.has('plainTextPath') || childNamed(source, 'PlainTextContent');
  const richTextPath = source.attrs.get('richTextPath');
  if (!hasPlainText && richTextPath !== undefined) {
    const extracted = extractedText(richTextPath, context);
    if (!extracted.ok) {
      context.problems.add(
        `<TextSource> "${sourceName(source)}" has no plain text, and ${extracted.message}`,
        source,
      );
      return;
    }
    leaveOutPositions(source, context);
    if (guid) add(source, guid, normaliseSourceText(extracted.text), undefined);
    return;
  }
  const stored = readTextOf(source, context);
  if (stored === undefined || !guid) return;
  add(source, guid, normaliseSourceText(stored), source);
}

function readPdfSource(source: XmlNode, context: ReadContext, add: AddDocument): void {
  const guid = context.problems.guid(source, 'guid', true);
  context.leftOut.add(
    '<PDFSelection>',
    'an area of a PDF page, which Gloss cannot place in the text',
    childrenNamed(source, 'PDFSelection').length,
  );
  const representation = childNamed(source, 'Representation');
  if (representation) {
    const stored = readTextOf(representation, context);
    if (stored !== undefined && guid) add(source, guid, normaliseSourceText(stored), representation);
    return;
  }
  const path = source.attrs.get('path') ?? source.attrs.get('currentPath');
  const extracted: ExtractedText =
    path === undefined ? { ok: false, message: 'it names no PDF file (path)' } : extractedText(path, context);
  if (!extracted.ok) {
    context.leftOut.add(`<PDFSource> "${sourceName(source)}"`, extracted.message);
    return;
  }
  if (guid) add(source, guid, normaliseSourceText(extracted.text), undefined);
}

function sourceName(source: XmlNode): string {
  return source.attrs.get('name') ?? source.attrs.get('guid') ?? '';
}

/** Selections of a source whose text Gloss extracted itself count positions in the tool's own text. */
function leaveOutPositions(source: XmlNode, context: ReadContext): void {
  context.leftOut.add(
    '<PlainTextSelection>',
    "a passage by position in the tool's own text of a Word file, which the project does not include, so Gloss cannot be sure its positions match the text it reads from the file",
    childrenNamed(source, 'PlainTextSelection').length,
  );
}

type ExtractedText = { ok: true; text: string } | { ok: false; message: string };

/** The text Gloss extracted from the archive's file at `path` (a PDF or a .docx), or why there is none. */
function extractedText(path: string, context: ReadContext): ExtractedText {
  const entry = entryForPath(context.archive, path);
  if (entry === undefined) return { ok: false, message: `its file "${path}" is not in the archive` };
  const extracted = context.extracted.get(entry);
  if (!extracted) {
    const format = formatOf(entry);
    return {
      ok: false,
      message:
        format === 'pdf' || format === 'docx'
          ? `its file "${path}" was not extracted (the project was read without its PDF and Word files)`
          : `its file "${path}" is not a PDF or Word file, the kinds of file Gloss reads besides text`,
    };
  }
  return extracted.ok
    ? extracted
    : { ok: false, message: `its file "${path}" could not be read: ${extracted.message}` };
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
