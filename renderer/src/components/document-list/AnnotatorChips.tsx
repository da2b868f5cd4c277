import { CURATION_ANNOTATOR } from '../../../../shared/model/curation-name';
import type { AnnotatorWork } from '../../../../shared/model/document';
import { STATUS_LABELS } from '../document-status';
import './DocumentList.css';

/** Chips drawn in a row before the rest fold into one "+n" chip: four fit beside a short key. */
const MOST_SHOWN = 4;

/**
 * Who has worked on a document: one small chip per annotator, their initials in the colour and
 * border of their status (dotted to do, dashed in progress, solid done, so colour is not the only
 * sign), each named for assistive technology and in its tooltip ("bob: done, 12 annotations").
 * The initials are drawn by CSS from data-initials, so the row's text stays the document's own.
 */
export function AnnotatorChips({ work, me }: { work: readonly AnnotatorWork[]; me: string | null }) {
  if (work.length === 0) return null;
  const shown = work.length > MOST_SHOWN ? work.slice(0, MOST_SHOWN - 1) : work;
  const folded = work.slice(shown.length);
  return (
    <span className="annotator-chips">
      {shown.map((w) => {
        const label = describeWork(w, me);
        return (
          <span
            key={w.name}
            role="img"
            aria-label={label}
            title={label}
            className={
              w.name === CURATION_ANNOTATOR
                ? 'annotator-chip annotator-chip-curation'
                : `annotator-chip annotator-chip-${w.status}`
            }
            data-initials={w.name === CURATION_ANNOTATOR ? '✓' : initials(w.name)}
            data-me={w.name === me ? 'true' : undefined}
          />
        );
      })}
      {folded.length > 0 && (
        <span
          role="img"
          aria-label={folded.map((w) => describeWork(w, me)).join('; ')}
          title={folded.map((w) => describeWork(w, me)).join('\n')}
          className="annotator-chip annotator-chip-more"
          data-initials={`+${folded.length}`}
        />
      )}
    </span>
  );
}

/** "bob: done, 12 annotations"; this annotator is "alice (you): …". */
export function describeWork(w: AnnotatorWork, me: string | null): string {
  const who = w.name === me ? `${w.name} (you)` : w.name;
  const count = w.annotationCount === 1 ? '1 annotation' : `${w.annotationCount} annotations`;
  // The curated layer has no status of its own: nobody marks it to do or done.
  if (w.name === CURATION_ANNOTATOR) return `the curated layer: ${count}`;
  return `${who}: ${STATUS_LABELS[w.status].toLowerCase()}, ${count}`;
}

/**
 * Two letters that tell annotators apart at a glance: the first letters of the first two parts of
 * a name made of parts ("ann.lee", "Ann Lee", "ann_lee" are "AL"), else its first two letters
 * ("bob" is "Bo"). Letters are whole code points, so a name in any script keeps its characters.
 */
export function initials(name: string): string {
  const parts = name.split(/[\s._-]+/u).filter((part) => part !== '');
  const letters =
    parts.length > 1 ? [[...parts[0]!][0]!, [...parts[1]!][0]!] : [...(parts[0] ?? name)].slice(0, 2);
  const [first = '', second = ''] = letters;
  return parts.length > 1
    ? `${first}${second}`.toUpperCase()
    : `${first.toUpperCase()}${second.toLowerCase()}`;
}
