import { DocumentKey } from '../../../shared/model/ids';
import { decodeText } from '../../sources/decode-text';
import type {
  ImportFiles,
  ImportProblem,
  ImportResult,
  PlannedAnnotation,
  PlannedDocument,
} from '../import-plan';
import { PlanVocabulary } from './jsonl-plan';
import { type SourceRecord, sourceRecordOf } from './jsonl-shapes';
import { asStoredText, codePointLength, codePointsToUtf16 } from './jsonl-text';

/** Past this many problems the rest of the input is not worth listing. */
const MAX_PROBLEMS = 100;

/**
 * Reads JSON Lines (Gloss's own export, spaCy/Prodigy spans, doccano) into an import plan.
 * The files read are the .jsonl and .ndjson ones, or the only file given whatever its name.
 */
export function readJsonl(files: ImportFiles): ImportResult {
  const problems: ImportProblem[] = [];
  const documents: PlannedDocument[] = [];
  const vocabulary = new PlanVocabulary();
  const lineOfPath = new Map<string, number>();
  const inputs = [...files].filter(([path]) => files.size === 1 || /\.(jsonl|ndjson)$/i.test(path));
  if (inputs.length === 0) {
    return { ok: false, problems: [{ file: '', message: 'no .jsonl file to import' }] };
  }

  for (const [file, bytes] of inputs) {
    let content: string;
    try {
      content = decodeText(bytes).text;
    } catch (error) {
      problems.push({ file, message: (error as Error).message });
      continue;
    }
    const before = documents.length;
    for (const [index, raw] of content.split('\n').entries()) {
      if (problems.length >= MAX_PROBLEMS) break;
      if (raw.trim() === '') continue;
      const line = index + 1;
      const report = (message: string) => problems.push({ file, line, message });
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (error) {
        report(`not valid JSON: ${(error as Error).message}`);
        continue;
      }
      const shaped = sourceRecordOf(json);
      if (!shaped.ok) {
        shaped.problems.forEach(report);
        continue;
      }
      const path = pathOf(shaped.record, documents.length + 1, report);
      const other = path === undefined ? undefined : lineOfPath.get(path);
      if (other !== undefined) report(`the document "${path}" is also on line ${other}`);
      const document = path === undefined ? undefined : plannedDocument(shaped.record, path, report);
      if (!document || other !== undefined) continue;
      const contradictions = shaped.record.spans.flatMap((span) => vocabulary.addSpan(span, line));
      contradictions.forEach(report);
      for (const relation of shaped.record.relations) vocabulary.addRelationType(relation.type);
      lineOfPath.set(document.path, line);
      documents.push(document);
    }
    if (documents.length === before && !problems.some((p) => p.file === file)) {
      problems.push({ file, message: 'no documents in the file' });
    }
  }
  if (problems.length >= MAX_PROBLEMS) {
    problems.push({ file: '', message: `stopped after ${MAX_PROBLEMS} problems` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    plan: {
      documents,
      codes: vocabulary.plannedCodes(),
      stakeholders: vocabulary.plannedStakeholders(),
      relationTypes: vocabulary.plannedRelationTypes(),
    },
  };
}

/** Where the document goes: its key, made a .txt file, or doc-N.txt when it has none. */
function pathOf(record: SourceRecord, ordinal: number, report: (m: string) => void): string | undefined {
  if (record.key === undefined) return `doc-${ordinal}.txt`;
  const key = DocumentKey.safeParse(record.key);
  if (!key.success) {
    report(`key "${record.key}": ${key.error.issues[0]?.message}`);
    return undefined;
  }
  return key.data.endsWith('.txt') ? key.data : `${key.data}.txt`;
}

/** The document with its offsets checked and made UTF-16, or undefined after reporting why not. */
function plannedDocument(
  record: SourceRecord,
  path: string,
  report: (m: string) => void,
): PlannedDocument | undefined {
  let ok = true;
  const fail = (message: string) => {
    ok = false;
    report(message);
  };
  if (record.text.includes('\u0000')) fail('the text contains NUL characters, which a .txt article cannot');
  const length = codePointLength(record.text);
  const utf16 = codePointsToUtf16(
    record.text,
    record.spans.flatMap((s) => [s.start, s.end]),
  );
  const stored = asStoredText(record.text);
  const ids = new Set<string>();
  const annotations: PlannedAnnotation[] = record.spans.map((span, i) => {
    const where = `spans[${i}] (${span.start}–${span.end})`;
    if (ids.has(span.id)) fail(`${where}: the id "${span.id}" is used twice`);
    ids.add(span.id);
    if (span.start >= span.end) fail(`${where}: the start is not before the end`);
    else if (span.end > length) fail(`${where}: ends past the text, which has ${length} characters`);
    const start = utf16[2 * i]!;
    const end = utf16[2 * i + 1]!;
    const quote = record.text.slice(start, end);
    if (span.text !== undefined && span.end <= length && span.text !== quote) {
      fail(`${where}: its text "${clip(span.text)}" is not the document’s "${clip(quote)}" there`);
    }
    return {
      sourceId: span.id,
      start: stored.offsetOf(start),
      end: stored.offsetOf(end),
      code: span.label,
      ...(span.author ? { author: span.author } : {}),
      ...(span.note ? { note: span.note } : {}),
      ...(span.value ? { value: span.value } : {}),
      ...(span.stakeholder ? { stakeholder: span.stakeholder.name } : {}),
      ...(span.created ? { created: span.created } : {}),
      ...(span.modified ? { modified: span.modified } : {}),
    };
  });
  for (const [i, relation] of record.relations.entries()) {
    for (const end of [relation.from, relation.to]) {
      if (!ids.has(end)) fail(`relations[${i}]: there is no span "${end}" in this document`);
    }
  }
  if (!ok) return undefined;
  return {
    path,
    text: stored.text,
    annotations,
    relations: record.relations.map((r) => ({
      type: r.type,
      from: r.from,
      to: r.to,
      ...(r.note ? { note: r.note } : {}),
    })),
  };
}

/** A quote short enough for a message. */
function clip(text: string): string {
  const points = [...text];
  return points.length > 40 ? `${points.slice(0, 40).join('')}…` : text;
}
