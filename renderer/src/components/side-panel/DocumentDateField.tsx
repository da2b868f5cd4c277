import { useId, useState } from 'react';
import { dayOfPublishedTime, dayProblem } from '../../../../shared/model/document-date';
import { useStore } from '../../store/context';

/**
 * The open document's date, which the timeline and the analyses place it at: the page's
 * publication day unless a researcher sets one. Typed as YYYY-MM-DD and checked as typed by the
 * rule the project saves by; saved on Enter or on leaving the field; Clear goes back to the
 * page's (or a colleague's) date.
 */
export function DocumentDateField() {
  const key = useStore((s) => s.reader.key);
  const date = useStore((s) => s.reader.document?.date);
  const setBy = useStore((s) => s.reader.document?.dateSetBy);
  const published = useStore((s) => s.reader.document?.metadata.publishedTime);
  // Keyed by document and saved date, so a draft never outlives either.
  return <DateDraft key={`${key} ${date} ${setBy}`} date={date} setBy={setBy} published={published} />;
}

function DateDraft({ date, setBy, published }: { date?: string; setBy?: string; published?: string }) {
  const me = useStore((s) => s.project?.annotator);
  const setDocumentDate = useStore((s) => s.setDocumentDate);
  const [draft, setDraft] = useState(date ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const errorId = useId();
  const hintId = useId();
  const pageDay = dayOfPublishedTime(published);
  const mine = setBy !== undefined && setBy === me;

  const save = () => {
    const text = draft.trim();
    if (text === (date ?? '')) return setProblem(null);
    if (text === '') {
      // An empty field takes back this annotator's date; there is no other way to "set" none.
      if (mine) void setDocumentDate(null);
      else setDraft(date ?? '');
      return setProblem(null);
    }
    const why = dayProblem(text);
    setProblem(why ? `Not saved: ${why}.` : null);
    if (!why) void setDocumentDate(text);
  };

  const source = mine
    ? 'Set by you'
    : setBy
      ? `Set by ${setBy}`
      : pageDay
        ? 'From the page’s publication date'
        : 'No date: the page gives none. The timeline counts this document apart until one is set.';
  return (
    <div className="document-date">
      <label className="sp-field">
        Document date
        <span className="document-date-row">
          <input
            type="text"
            inputMode="numeric"
            placeholder="YYYY-MM-DD"
            value={draft}
            aria-invalid={problem !== null}
            aria-describedby={`${hintId}${problem ? ` ${errorId}` : ''}`}
            onChange={(e) => {
              setDraft(e.target.value);
              if (problem) setProblem(null);
            }}
            onBlur={save}
            onKeyDown={(e) => {
              if (e.key === 'Enter') save();
              if (e.key === 'Escape') {
                setDraft(date ?? '');
                setProblem(null);
              }
            }}
          />
          {mine && (
            <button type="button" className="button" onClick={() => void setDocumentDate(null)}>
              Clear
            </button>
          )}
        </span>
      </label>
      <p id={hintId} className="document-date-source">
        {source}
        {mine && pageDay ? ` (the page says ${pageDay})` : ''}
      </p>
      {problem && (
        <p id={errorId} className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
