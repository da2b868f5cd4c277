import type { MentionRef } from '../../../../shared/api';
import { useStore } from '../../store/context';
import './PassageRow.css';

/** A comma for screen readers between parts a sighted reader tells apart by layout. */
export function Pause() {
  return (
    <>
      <span className="visually-hidden">,</span>{' '}
    </>
  );
}

/** What a row needs of a passage: where it is, who tagged it, and its text (with context when the answer gives it). */
export type RowPassage = Pick<MentionRef, 'key' | 'annotationId' | 'author' | 'quote' | 'prefix' | 'suffix'>;

/**
 * One passage anywhere in the project, as a button that opens its document and selects it;
 * `title` names its document, `detail` says what else the list knows of it, `note` is the
 * annotator's note on it.
 */
export function PassageRow({
  passage,
  title,
  detail,
  note,
}: {
  passage: RowPassage;
  title: string;
  detail?: string;
  note?: string;
}) {
  const goToPassage = useStore((s) => s.goToPassage);
  const selected = useStore(
    (s) => s.selectedAnnotationId === passage.annotationId && s.reader.key === passage.key,
  );
  return (
    <button
      type="button"
      className="row-button passage-row"
      data-annotation-id={passage.annotationId}
      aria-current={selected ? 'true' : undefined}
      onClick={() => void goToPassage(passage)}
    >
      <span className="passage-head">
        <span className="passage-title">{title}</span>
        {detail && (
          <span className="passage-detail">
            <Pause />
            {detail}
          </span>
        )}
        <span className="passage-author">
          <span className="visually-hidden">, by</span> {passage.author}
          <Pause />
        </span>
      </span>
      <span className="passage-quote">
        {passage.prefix}
        <mark>{passage.quote}</mark>
        {passage.suffix}
      </span>
      {note && (
        <span className="passage-note">
          <span className="visually-hidden">, note:</span> {note}
        </span>
      )}
    </button>
  );
}
