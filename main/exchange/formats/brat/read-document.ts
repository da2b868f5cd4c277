import { FigureValue } from '../../../../shared/model/figure';
import type { ImportProblem, PlannedAnnotation, PlannedDocument, PlannedRelation } from '../../import-plan';
import { attributeNoteLine, equivalenceName, eventRoleName, FRAGMENT_OF } from './brat-shapes';
import { ANNOTATOR_ATTRIBUTE } from './brat-types';
import { decodeAttributeValue, unescapeNote, VALUE_NOTE_PREFIX } from './escapes';
import { type BratTally, emptyTally } from './import-tally';
import type { AnnLine, ParsedAnn } from './parse-ann';
import type { SourceText } from './source-text';

/** How one document's brat types and N lines become Gloss names. */
export interface DocumentNaming {
  code(type: string): string;
  /** An R line's type, named as the .conf files say. */
  relation(type: string): string;
  /** A relation type whose name records a brat shape (brat-shapes.ts), taken as it is. */
  shapedRelation(name: string): string;
  /** The planned stakeholder an N line names (recording it on the way). */
  stakeholder(line: Extract<AnnLine, { kind: 'N' }>): string;
}

type Line<K extends AnnLine['kind']> = Extract<AnnLine, { kind: K }>;
type Span = { start: number; end: number };

/**
 * One .ann over its .txt as a planned document, or the problems that stop it: every offset
 * within the text, every stated span text equal to the .txt's (per fragment, joined by spaces;
 * line breaks count as spaces since the .ann cannot hold them), every reference pointing at a
 * line of the same file. How each kind of line maps is in brat-shapes.ts and the README:
 * fragments apart only by a line break are one span (brat splits a span at line ends); a span in
 * pieces farther apart is an annotation per piece, the later ones `fragment-of` the first; an
 * event is its trigger plus a relation per argument; an E id anywhere stands for its trigger.
 */
export function readDocument(
  annPath: string,
  path: string,
  source: SourceText,
  parsed: ParsedAnn,
  naming: DocumentNaming,
): { document: PlannedDocument; problems: ImportProblem[]; tally: BratTally } {
  const problems: ImportProblem[] = parsed.problems.map((p) => ({ file: annPath, ...p }));
  const tally = emptyTally();
  const report = (line: number, message: string) => problems.push({ file: annPath, line, message });
  const of = <K extends AnnLine['kind']>(kind: K) =>
    parsed.lines.filter((l): l is Line<K> => l.kind === kind);

  const annotations = new Map<string, PlannedAnnotation>();
  const relations = new Map<string, PlannedRelation>();
  for (const t of of('T')) {
    tally.textBound++;
    const pieces = readSpan(t, source);
    if (typeof pieces === 'string') {
      report(t.line, `${t.id}: ${pieces}`);
      continue;
    }
    const code = naming.code(t.type);
    pieces.forEach((piece, i) => {
      const id = i === 0 ? t.id : `${t.id}.${i + 1}`;
      annotations.set(id, { sourceId: id, ...piece, code });
      if (i > 0) relations.set(`${id}~`, { type: naming.shapedRelation(FRAGMENT_OF), from: id, to: t.id });
    });
    tally.annotations += pieces.length;
    if (pieces.length > 1) {
      tally.discontinuous++;
      tally.fragmentRelations += pieces.length - 1;
    }
  }

  // Each event's trigger annotation; a second event on the same trigger gets a copy of it, so
  // that each keeps its own arguments, attributes and notes.
  const triggerOf = new Map<string, string>();
  const copies = new Map<string, string>();
  for (const e of of('E')) {
    tally.events++;
    const trigger = annotations.get(e.trigger);
    if (!trigger) {
      report(e.line, `${e.id}: its trigger ${e.trigger} is not a text-bound annotation of this file`);
      continue;
    }
    if (![...triggerOf.values()].includes(e.trigger)) {
      triggerOf.set(e.id, e.trigger);
      tally.triggers++;
      continue;
    }
    const copy = `${e.trigger}@${e.id}`;
    annotations.set(copy, { ...trigger, sourceId: copy });
    copies.set(copy, e.trigger);
    triggerOf.set(e.id, copy);
    tally.triggers++;
    tally.triggerCopies++;
  }
  /** The annotation an id stands for: a T itself, an E its trigger. */
  const resolve = (id: string) => (annotations.has(id) ? id : triggerOf.get(id));
  const link = (line: number, owner: string, id: string, type: string, from: string, to: string) => {
    const ends = [resolve(from), resolve(to)] as const;
    const missing = ends[0] === undefined ? from : ends[1] === undefined ? to : undefined;
    if (missing) {
      report(line, `${owner}: ${missing} is not a text-bound annotation or event of this file`);
      return false;
    }
    relations.set(id, { type, from: ends[0]!, to: ends[1]! });
    return true;
  };
  for (const e of of('E')) {
    const trigger = triggerOf.get(e.id);
    if (!trigger) continue;
    e.args.forEach((arg, i) => {
      const type = naming.shapedRelation(eventRoleName(arg.role));
      if (link(e.line, e.id, `${e.id}:${i + 1}`, type, e.id, arg.target)) tally.roleRelations++;
    });
  }
  for (const r of of('R'))
    if (link(r.line, r.id, r.id, naming.relation(r.type), r.from, r.to)) tally.relations++;
  of('*').forEach((equiv, n) => {
    tally.equivalences++;
    const type = naming.shapedRelation(equivalenceName(equiv.type));
    // brat's equivalence groups mentions of one thing; each neighbouring pair becomes a relation.
    for (let i = 1; i < equiv.targets.length; i++) {
      const [from, to] = [equiv.targets[i - 1]!, equiv.targets[i]!];
      if (link(equiv.line, `* ${equiv.type}`, `*${n + 1}.${i}`, type, from, to)) tally.equivalenceRelations++;
    }
  });

  const notes = new Map<string, string[]>();
  const addNote = (target: string, note: string) => notes.set(target, [...(notes.get(target) ?? []), note]);
  /** An annotation (a T, or an E's trigger) or an R relation, by the id a line names. */
  const owner = (id: string) => {
    const annotation = resolve(id);
    if (annotation) return { key: annotation, annotation: annotations.get(annotation)! };
    return relations.has(id) && /^R/.test(id) ? { key: id } : undefined;
  };
  for (const a of of('A')) {
    const found = owner(a.target);
    if (!found) {
      report(a.line, `${a.id}: ${a.target} is not an annotation, event or relation of this file`);
    } else if (a.name === ANNOTATOR_ATTRIBUTE && found.annotation && a.value) {
      found.annotation.author = decodeAttributeValue(a.value);
      tally.annotators++;
    } else {
      addNote(found.key, attributeNoteLine({ name: a.name, ...(a.value ? { value: a.value } : {}) }));
      if (found.annotation) tally.attributesOnAnnotations++;
      else tally.attributesOnRelations++;
    }
  }
  for (const n of of('N')) {
    const key = resolve(n.target);
    const annotation = key === undefined ? undefined : annotations.get(key);
    if (!annotation) {
      report(n.line, `${n.id}: ${n.target} is not a text-bound annotation or event of this file`);
    } else if (annotation.stakeholder) {
      report(
        n.line,
        `${n.id}: ${n.target} is already linked to a stakeholder; Gloss keeps one per annotation`,
      );
    } else {
      annotation.stakeholder = naming.stakeholder(n);
      tally.normalisations++;
    }
  }
  for (const c of of('#')) {
    const found = owner(c.target);
    if (!found) {
      report(c.line, `${c.id}: ${c.target} is not an annotation, event or relation of this file`);
    } else if (found.annotation && c.text.startsWith(VALUE_NOTE_PREFIX)) {
      const value = readValue(c.text.slice(VALUE_NOTE_PREFIX.length));
      if (typeof value === 'string') report(c.line, `${c.id}: ${value}`);
      else {
        found.annotation.value = value;
        tally.figureValues++;
      }
    } else {
      addNote(found.key, unescapeNote(c.text));
      if (found.annotation) tally.notesOnAnnotations++;
      else tally.notesOnRelations++;
    }
  }
  for (const [target, lines] of notes) {
    const owner = annotations.get(target) ?? relations.get(target);
    if (owner) owner.note = lines.join('\n');
  }
  // A trigger's copy has the annotator and stakeholder of the T it copies.
  for (const [copy, original] of copies) {
    const from = annotations.get(original)!;
    const to = annotations.get(copy)!;
    if (from.author && !to.author) to.author = from.author;
    if (from.stakeholder && !to.stakeholder) to.stakeholder = from.stakeholder;
  }
  return {
    document: {
      path,
      text: source.text,
      annotations: [...annotations.values()],
      relations: [...relations.values()],
    },
    // In the order of the file, whichever check found them.
    problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    tally,
  };
}

/**
 * A T line's pieces in UTF-16 offsets of the kept text. Fragments apart by nothing but line
 * breaks join into one piece: that is how brat (and Gloss's export) writes one span across lines.
 */
function readSpan(t: Line<'T'>, source: SourceText): Span[] | string {
  const raw: Span[] = [];
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
  const pieces: Span[] = [];
  for (const f of [...raw].sort((a, b) => a.start - b.start)) {
    const last = pieces[pieces.length - 1];
    if (last && f.start >= last.end && /^[\r\n]*$/.test(source.raw.slice(last.end, f.start)))
      last.end = f.end;
    else if (last && f.start < last.end) return 'two of its fragments overlap';
    else pieces.push({ ...f });
  }
  const kept = pieces.map((p) => ({ start: source.keptOffset(p.start), end: source.keptOffset(p.end) }));
  if (kept.some((p) => p.start >= p.end)) return 'the span holds nothing but a line ending';
  return kept;
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
