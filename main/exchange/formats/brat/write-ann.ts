import type { Annotation } from '../../../../shared/model/annotation';
import type { Relation } from '../../../../shared/model/relation';
import type { DatasetDocument } from '../../dataset';
import { splitNote } from './brat-shapes';
import { ANNOTATOR_ATTRIBUTE, type BratTypes, STAKEHOLDER_DB } from './brat-types';
import { encodeAttributeValue, escapeNote, oneLine, VALUE_NOTE_PREFIX } from './escapes';
import { formatFragments, fragmentText, lineFragments, toCodePoints } from './fragments';
import { UnionFind } from './union-find';

/**
 * One document's .ann file, the shapes of brat-shapes.ts written back as brat has them:
 * - a T line per annotation, in code points, split at line breaks; annotations joined by
 *   `fragment-of` relations (same code, same annotator) are one T line with all their pieces;
 * - an E line per annotation that is the trigger of `… (event role)` relations, one `Role:Id`
 *   per relation (an argument that is itself a trigger is named by its E id); two triggers with
 *   the same span, code and annotator share one T line, as two brat events on one trigger do;
 * - an R line per other relation, a `*` line per set of annotations an equivalence type joins
 *   (an equivalence or fragment link with a note is an R line, which can carry the note);
 * - then the annotator as an `Annotator` attribute of each T, the stakeholder as an N line into
 *   the `Gloss` register, the figure value as a `value: {json}` AnnotatorNotes, and each note's
 *   `attribute: …` lines as A lines and the rest as one AnnotatorNotes line — on the E id for a
 *   trigger's note, on the R id for a relation's.
 */
export function writeAnn(
  document: DatasetDocument,
  types: BratTypes,
  stakeholderNames: ReadonlyMap<string, string>,
): string {
  const { text, annotations, relations } = document;
  const present = new Set(annotations.map((a) => a.id));
  const links = relations.filter((r) => present.has(r.from) && present.has(r.to));
  const shapeOf = (r: Relation) => types.shapes.get(r.type);

  // Spans: an annotation alone, or the pieces fragment-of relations join.
  const pieces = new UnionFind(annotations.map((a) => a.id));
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const joined = new Set<Relation>();
  for (const r of links) {
    const [from, to] = [byId.get(r.from)!, byId.get(r.to)!];
    // A link with a note of its own stays an R line, where brat can hold the note.
    if (shapeOf(r)?.kind === 'fragment' && from.code === to.code && from.author === to.author && !r.note) {
      pieces.union(r.from, r.to);
      joined.add(r);
    }
  }
  const spans = pieces.groups().map((ids) => ids.map((id) => byId.get(id)!));

  const triggers = annotations.filter((a) =>
    links.some((r) => r.from === a.id && shapeOf(r)?.kind === 'event-role'),
  );
  const eIds = new Map(triggers.map((a, i) => [a.id, `E${i + 1}`]));

  // T ids, one per span; a trigger with the same span, code and annotator as an earlier one shares its T.
  const tIds = new Map<string, string>();
  const written: Annotation[][] = [];
  const triggerTs = new Map<string, string>();
  for (const span of spans) {
    const [head] = span;
    const sameTrigger = `${head!.code}\u0000${head!.author}\u0000${head!.target.start}\u0000${head!.target.end}`;
    const shared = span.length === 1 && eIds.has(head!.id) ? triggerTs.get(sameTrigger) : undefined;
    const t = shared ?? `T${written.length + 1}`;
    for (const a of span) tIds.set(a.id, t);
    if (shared) continue;
    if (span.length === 1 && eIds.has(head!.id)) triggerTs.set(sameTrigger, t);
    written.push(span);
  }
  /** How a line names an annotation: by its event if it is a trigger, else by its T. */
  const ref = (id: string) => eIds.get(id) ?? tIds.get(id)!;

  const utf16 = written.map((span) => span.flatMap((a) => lineFragments(text, a.target.start, a.target.end)));
  const points = toCodePoints(text, utf16);
  const lines: string[] = [];
  const others: string[] = [];
  const counters = { A: 0, N: 0, '#': 0 };
  const next = (kind: keyof typeof counters) => `${kind}${++counters[kind]}`;
  const writeNote = (owner: string, note: string | undefined) => {
    const { attributes, text: rest } = splitNote(note);
    for (const { name, value } of attributes)
      others.push(`${next('A')}\t${name} ${owner}${value === undefined ? '' : ` ${value}`}`);
    if (rest) others.push(`${next('#')}\tAnnotatorNotes ${owner}\t${escapeNote(rest)}`);
  };

  written.forEach((span, i) => {
    const t = tIds.get(span[0]!.id)!;
    // The text column is the rest of one line: a span of nothing but line breaks shows them as spaces.
    const quote = fragmentText(text, utf16[i]!).replace(/\r\n?|\n/g, ' ');
    lines.push(`${t}\t${types.codes.get(span[0]!.code)} ${formatFragments(points[i]!)}\t${quote}`);
    others.push(`${next('A')}\t${ANNOTATOR_ATTRIBUTE} ${t} ${encodeAttributeValue(span[0]!.author)}`);
    const stakeholderId = span.find((a) => a.stakeholderId)?.stakeholderId;
    if (stakeholderId) {
      const name = stakeholderNames.get(stakeholderId) ?? stakeholderId;
      others.push(`${next('N')}\tReference ${t} ${STAKEHOLDER_DB}:${stakeholderId}\t${oneLine(name)}`);
    }
    for (const a of span) {
      if (!eIds.has(a.id)) writeNote(t, a.note);
      if (a.value)
        others.push(`${next('#')}\tAnnotatorNotes ${t}\t${VALUE_NOTE_PREFIX}${JSON.stringify(a.value)}`);
    }
  });
  for (const trigger of triggers) {
    const e = eIds.get(trigger.id)!;
    const roles: string[] = [];
    for (const r of links) {
      const shape = shapeOf(r);
      if (r.from !== trigger.id || shape?.kind !== 'event-role') continue;
      roles.push(`${shape.role}:${ref(r.to)}`);
      // An argument has no id of its own in brat: its note rides on the event, naming the role.
      if (r.note) others.push(`${next('#')}\tAnnotatorNotes ${e}\t${escapeNote(`${shape.role}: ${r.note}`)}`);
    }
    lines.push(`${e}\t${types.codes.get(trigger.code)}:${tIds.get(trigger.id)} ${roles.join(' ')}`);
    writeNote(e, trigger.note);
  }
  let r = 0;
  for (const relation of links) {
    const shape = shapeOf(relation);
    if (joined.has(relation) || shape?.kind === 'event-role') continue;
    if (shape?.kind === 'equivalence' && !relation.note) continue;
    const type = shape?.kind === 'equivalence' ? shape.type : types.relations.get(relation.type);
    const id = `R${++r}`;
    lines.push(`${id}\t${type} Arg1:${ref(relation.from)} Arg2:${ref(relation.to)}`);
    writeNote(id, relation.note);
  }
  lines.push(...equivalences(links, types, ref));
  const all = [...lines, ...others];
  return all.length > 0 ? `${all.join('\n')}\n` : '';
}

/** A `*` line per set of annotations one equivalence type joins, members in the order of their ids. */
function equivalences(links: readonly Relation[], types: BratTypes, ref: (id: string) => string): string[] {
  const byType = new Map<string, Relation[]>();
  for (const r of links) {
    const shape = types.shapes.get(r.type);
    if (shape?.kind === 'equivalence' && !r.note)
      byType.set(shape.type, [...(byType.get(shape.type) ?? []), r]);
  }
  const out: string[] = [];
  for (const [type, members] of byType) {
    const sets = new UnionFind(members.flatMap((r) => [r.from, r.to]));
    for (const r of members) sets.union(r.from, r.to);
    for (const group of sets.groups()) {
      const refs = [...new Set(group.map(ref))].sort(byIdNumber);
      if (refs.length > 1) out.push(`*\t${type} ${refs.join(' ')}`);
    }
  }
  return out;
}

function byIdNumber(a: string, b: string): number {
  return a[0] === b[0] ? Number(a.slice(1)) - Number(b.slice(1)) : a.localeCompare(b);
}
