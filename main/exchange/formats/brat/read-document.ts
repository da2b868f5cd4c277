import { FigureValue } from '../../../../shared/model/figure';
import type { ImportProblem, PlannedAnnotation, PlannedDocument, PlannedRelation } from '../../import-plan';
import { ANNOTATOR_ATTRIBUTE } from './brat-types';
import { decodeAttributeValue, unescapeNote, VALUE_NOTE_PREFIX } from './escapes';
import type { AnnLine, ParsedAnn } from './parse-ann';
import type { SourceText } from './source-text';

/** How one document's brat types and N lines become Gloss names. */
export interface DocumentNaming {
  code(type: string): string;
  relation(type: string): string;
  /** The planned stakeholder an N line names (recording it on the way). */
  stakeholder(line: Extract<AnnLine, { kind: 'N' }>): string;
}

type Line<K extends AnnLine['kind']> = Extract<AnnLine, { kind: K }>;

/**
 * One .ann over its .txt as a planned document, or the problems that stop it: every offset
 * within the text, every stated span text equal to the .txt's (per fragment, joined by spaces;
 * line breaks count as spaces since the .ann cannot hold them), every reference pointing at a
 * line of the same file. A discontinuous span becomes the covering span, first start to last end.
 */
export function readDocument(
  annPath: string,
  path: string,
  source: SourceText,
  parsed: ParsedAnn,
  naming: DocumentNaming,
): { document: PlannedDocument; problems: ImportProblem[] } {
  const problems: ImportProblem[] = parsed.problems.map((p) => ({ file: annPath, ...p }));
  const report = (line: number, message: string) => problems.push({ file: annPath, line, message });
  const of = <K extends AnnLine['kind']>(kind: K) =>
    parsed.lines.filter((l): l is Line<K> => l.kind === kind);

  const annotations = new Map<string, PlannedAnnotation>();
  for (const t of of('T')) {
    const span = readSpan(t, source);
    if (typeof span === 'string') report(t.line, `${t.id}: ${span}`);
    else annotations.set(t.id, { sourceId: t.id, ...span, code: naming.code(t.type) });
  }
  const relations = new Map<string, PlannedRelation>();
  const link = (line: number, id: string, type: string, from: string, to: string) => {
    const missing = [from, to].find((arg) => !annotations.has(arg));
    if (missing) report(line, `${id}: ${missing} is not a text-bound annotation of this file`);
    else relations.set(id, { type: naming.relation(type), from, to });
  };
  for (const r of of('R')) link(r.line, r.id, r.type, r.from, r.to);
  of('*').forEach((equiv, n) => {
    // brat's Equiv groups mentions of one thing; each neighbouring pair becomes a relation.
    for (let i = 1; i < equiv.targets.length; i++)
      link(equiv.line, `*${n + 1}.${i}`, equiv.type, equiv.targets[i - 1]!, equiv.targets[i]!);
  });

  const notes = new Map<string, string[]>();
  const addNote = (target: string, note: string) => notes.set(target, [...(notes.get(target) ?? []), note]);
  for (const a of of('A')) {
    const annotation = annotations.get(a.target);
    if (!annotation && !relations.has(a.target)) {
      report(a.line, `${a.id}: ${a.target} is not an annotation of this file`);
    } else if (a.name === ANNOTATOR_ATTRIBUTE && annotation && a.value) {
      annotation.author = decodeAttributeValue(a.value);
    } else {
      // Gloss has no attributes: keep other brat attributes readable in the note.
      addNote(a.target, a.value === undefined ? a.name : `${a.name}: ${a.value}`);
    }
  }
  for (const n of of('N')) {
    const annotation = annotations.get(n.target);
    if (!annotation) report(n.line, `${n.id}: ${n.target} is not a text-bound annotation of this file`);
    else if (annotation.stakeholder)
      report(
        n.line,
        `${n.id}: ${n.target} is already linked to a stakeholder; Gloss keeps one per annotation`,
      );
    else annotation.stakeholder = naming.stakeholder(n);
  }
  for (const c of of('#')) {
    const annotation = annotations.get(c.target);
    if (!annotation && !relations.has(c.target)) {
      report(c.line, `${c.id}: ${c.target} is not an annotation of this file`);
    } else if (annotation && c.text.startsWith(VALUE_NOTE_PREFIX)) {
      const value = readValue(c.text.slice(VALUE_NOTE_PREFIX.length));
      if (typeof value === 'string') report(c.line, `${c.id}: ${value}`);
      else annotation.value = value;
    } else {
      addNote(c.target, unescapeNote(c.text));
    }
  }
  for (const [target, lines] of notes) {
    const owner = annotations.get(target) ?? relations.get(target);
    if (owner) owner.note = lines.join('\n');
  }
  return {
    document: {
      path,
      text: source.text,
      annotations: [...annotations.values()],
      relations: [...relations.values()],
    },
    problems,
  };
}

function readSpan(t: Line<'T'>, source: SourceText): { start: number; end: number } | string {
  const raw: { start: number; end: number }[] = [];
  for (const f of t.fragments) {
    if (f.start >= f.end) return `the span ${f.start}–${f.end} is empty or reversed`;
    if (f.end > source.codePoints)
      return `the span ${f.start}–${f.end} ends past the text, which has ${source.codePoints} characters (code points)`;
    raw.push({ start: source.rawOffset(f.start), end: source.rawOffset(f.end) });
  }
  const found = raw.map((f) => source.raw.slice(f.start, f.end)).join(' ');
  const asLine = (s: string) => s.replace(/\r\n?|\n/g, ' ');
  if (asLine(found) !== asLine(t.text))
    return `the text says "${clip(t.text)}" but the .txt has "${clip(found)}" at ${t.fragments.map((f) => `${f.start}–${f.end}`).join(', ')}`;
  const start = source.keptOffset(Math.min(...raw.map((f) => f.start)));
  const end = source.keptOffset(Math.max(...raw.map((f) => f.end)));
  if (start >= end) return 'the span holds nothing but a line ending';
  return { start, end };
}

function readValue(json: string): FigureValue | string {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return 'the figure value after "value: " is not JSON';
  }
  const value = FigureValue.safeParse(raw);
  if (!value.success) return `the figure value is not valid: ${value.error.issues[0]?.message ?? 'unknown'}`;
  return value.data;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
