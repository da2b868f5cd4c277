import { useId } from 'react';
import { READER_VIEWS, type ReaderView } from '../../reader/reader-view-memory';
import { useStore } from '../../store/context';
import {
  selectDocumentAnnotators,
  selectShownColleague,
  selectSideBySide,
} from '../../store/reader-views-slice';

const VIEW_LABELS: Record<ReaderView, string> = {
  mine: 'Mine',
  colleague: 'A colleague’s',
  all: 'All',
  'side-by-side': 'Side by side',
};

/**
 * Whose annotations the reader shows: a segmented control of four radio buttons (Tab reaches it,
 * the arrow keys move through it; `w` steps through the views from anywhere), with the colleague
 * or the two columns' annotators to choose, and why a view cannot be tagged in.
 */
export function ReaderViewSwitch() {
  const view = useStore((s) => s.readerView.view);
  const setReaderView = useStore((s) => s.setReaderView);
  const name = useId();
  return (
    <div className="reader-views">
      <fieldset className="status-control reader-view-switch">
        <legend className="visually-hidden">Whose annotations to show</legend>
        {READER_VIEWS.map((value) => (
          <label key={value} className="status-option" title="W: the next view">
            <input
              type="radio"
              name={name}
              value={value}
              checked={view === value}
              aria-keyshortcuts="w"
              onChange={() => setReaderView({ view: value })}
            />
            <span>{VIEW_LABELS[value]}</span>
          </label>
        ))}
      </fieldset>
      {view === 'colleague' && <ColleagueChoice />}
      {view === 'side-by-side' && <ColumnsChoice />}
      <ViewNote view={view} />
    </div>
  );
}

function ColleagueChoice() {
  const me = useStore((s) => s.project?.annotator);
  const annotators = useStore(selectDocumentAnnotators);
  const shown = useStore(selectShownColleague);
  const setReaderView = useStore((s) => s.setReaderView);
  const others = annotators.filter((a) => a !== me);
  if (others.length === 0 || shown === null) return null;
  return (
    <label className="reader-view-choice">
      Colleague
      <select value={shown} onChange={(e) => setReaderView({ colleague: e.target.value })}>
        {others.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
    </label>
  );
}

function ColumnsChoice() {
  const annotators = useStore(selectDocumentAnnotators);
  const columns = useStore(selectSideBySide);
  const setReaderView = useStore((s) => s.setReaderView);
  if (!columns) return null;
  const choice = (label: string, value: string, onChange: (name: string) => void) => (
    <label className="reader-view-choice">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {annotators.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      {choice('Left', columns.left, (left) =>
        // Choosing the right column's annotator on the left swaps the two.
        setReaderView(
          left === columns.right ? { left, right: columns.left } : { left, right: columns.right },
        ),
      )}
      {choice('Right', columns.right, (right) =>
        setReaderView(
          right === columns.left ? { right, left: columns.right } : { right, left: columns.left },
        ),
      )}
    </>
  );
}

/** What the view shows and, for the views that cannot be tagged in, why. Announced as it changes. */
function ViewNote({ view }: { view: ReaderView }) {
  const colleague = useStore(selectShownColleague);
  const columns = useStore(selectSideBySide);
  let note: string;
  if (view === 'mine') note = 'Showing your annotations only.';
  else if (view === 'all') note = 'Showing everyone’s annotations; only your own can be changed.';
  else if (view === 'colleague')
    note = colleague
      ? `Showing ${colleague}’s annotations. They are read-only: only ${colleague} can change them. Switch to Mine or All to tag.`
      : 'Nobody else has annotated this document yet.';
  else
    note = columns
      ? `${columns.left} on the left, ${columns.right} on the right. Nothing is tagged here: choose a passage to see it in the side panel (only your own can be changed), and tag in Mine or All.`
      : 'Nobody else has annotated this document yet: there is nothing to set side by side.';
  return (
    <p className="reader-view-note" aria-live="polite">
      {note}
    </p>
  );
}
