import { utf16ToCodePoints } from '../../../shared/text/offsets';
import type { Dataset, DatasetDocument } from '../dataset';
import { groupsByCode } from './codebook-groups';
import type { JsonlDocument, JsonlSpan } from './jsonl-record';

/** The JSON Lines text of a dataset: one document per line, each line ending in "\n". */
export function writeJsonl(dataset: Dataset): string {
  const groups = groupsByCode(dataset.codebook);
  const codes = new Map(dataset.codebook.codes.map((code) => [code.id, code]));
  const stakeholders = new Map(dataset.stakeholders.map((s) => [s.id, s]));
  const typeNames = new Map(dataset.codebook.relationTypes.map((type) => [type.id, type.name]));

  const spanOf = (document: DatasetDocument, index: number, offsets: number[]): JsonlSpan => {
    const a = document.annotations[index]!;
    const stakeholder = a.stakeholderId ? stakeholders.get(a.stakeholderId) : undefined;
    return {
      id: a.id,
      start: offsets[2 * index]!,
      end: offsets[2 * index + 1]!,
      label: codes.get(a.code)?.name ?? a.code,
      code: a.code,
      group: groups.get(a.code)?.name ?? null,
      // From the text rather than the stored quote, so that text[start:end] == text holds.
      text: document.text.slice(a.target.start, a.target.end),
      annotator: a.author,
      created: a.created,
      modified: a.modified,
      ...(a.note ? { note: a.note } : {}),
      ...(stakeholder
        ? { stakeholder: { id: stakeholder.id, name: stakeholder.name, kind: stakeholder.kind } }
        : {}),
      ...(a.value ? { value: a.value } : {}),
    };
  };

  const recordOf = (document: DatasetDocument): JsonlDocument => {
    const offsets = utf16ToCodePoints(
      document.text,
      document.annotations.flatMap((a) => [a.target.start, a.target.end]),
    );
    return {
      key: document.key,
      title: document.title,
      metadata: document.metadata,
      status: document.status,
      note: document.note,
      text: document.text,
      spans: document.annotations.map((_, index) => spanOf(document, index, offsets)),
      relations: document.relations.map((r) => ({
        id: r.id,
        type: typeNames.get(r.type) ?? r.type,
        from: r.from,
        to: r.to,
        ...(r.note ? { note: r.note } : {}),
        annotator: r.author,
      })),
    };
  };

  return dataset.documents.map((document) => `${jsonLine(recordOf(document))}\n`).join('');
}

/**
 * JSON on one line. U+2028 and U+2029 are valid raw in JSON, but Python's str.splitlines() and
 * some JSONL readers break lines at them, so they are written escaped.
 */
function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}
