import type { DatasetDocument } from '../../dataset';
import { ANNOTATOR_ATTRIBUTE, type BratTypes, STAKEHOLDER_DB } from './brat-types';
import { encodeAttributeValue, escapeNote, oneLine, VALUE_NOTE_PREFIX } from './escapes';
import { formatFragments, fragmentText, lineFragments, toCodePoints } from './fragments';

/**
 * One document's .ann file. Annotation i becomes T(i+1) with its fragments in code points;
 * then its annotator as an `Annotator` attribute, its stakeholder as an N line into the `Gloss`
 * register, its note and its figure value as AnnotatorNotes (the value as a `value: {json}`
 * line, which keeps min, max, unit, currency, qualifier and measures exact). Relations are R
 * lines, their notes AnnotatorNotes on the R id.
 */
export function writeAnn(
  document: DatasetDocument,
  types: BratTypes,
  stakeholderNames: ReadonlyMap<string, string>,
): string {
  const { text, annotations } = document;
  const utf16 = annotations.map((a) => lineFragments(text, a.target.start, a.target.end));
  const points = toCodePoints(text, utf16);
  const tIds = new Map(annotations.map((a, i) => [a.id, `T${i + 1}`]));
  const lines: string[] = [];
  const others: string[] = [];
  const counters = { A: 0, N: 0, '#': 0 };
  const next = (kind: keyof typeof counters) => `${kind}${++counters[kind]}`;

  annotations.forEach((a, i) => {
    const t = tIds.get(a.id)!;
    // The text column is the rest of one line: a span of nothing but line breaks shows them as spaces.
    const quote = fragmentText(text, utf16[i]!).replace(/\r\n?|\n/g, ' ');
    lines.push(`${t}\t${types.codes.get(a.code)} ${formatFragments(points[i]!)}\t${quote}`);
    others.push(`${next('A')}\t${ANNOTATOR_ATTRIBUTE} ${t} ${encodeAttributeValue(a.author)}`);
    if (a.stakeholderId) {
      const name = stakeholderNames.get(a.stakeholderId) ?? a.stakeholderId;
      others.push(`${next('N')}\tReference ${t} ${STAKEHOLDER_DB}:${a.stakeholderId}\t${oneLine(name)}`);
    }
    if (a.note) others.push(`${next('#')}\tAnnotatorNotes ${t}\t${escapeNote(a.note)}`);
    if (a.value)
      others.push(`${next('#')}\tAnnotatorNotes ${t}\t${VALUE_NOTE_PREFIX}${JSON.stringify(a.value)}`);
  });
  document.relations.forEach((r, i) => {
    const from = tIds.get(r.from);
    const to = tIds.get(r.to);
    if (!from || !to) return; // The dataset promises both ends; a broken link has nothing to point at.
    lines.push(`R${i + 1}\t${types.relations.get(r.type)} Arg1:${from} Arg2:${to}`);
    if (r.note) others.push(`${next('#')}\tAnnotatorNotes R${i + 1}\t${escapeNote(r.note)}`);
  });
  const all = [...lines, ...others];
  return all.length > 0 ? `${all.join('\n')}\n` : '';
}
