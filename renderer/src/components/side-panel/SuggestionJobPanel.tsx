import { useMemo } from 'react';
import { useStore } from '../../store/context';
import { ReviewQueueEntry } from '../review-queue/ReviewQueueEntry';

/** Documents listed after a run, the most suggestions first. */
const LISTED = 50;

/**
 * The run that looks for suggestions in every document: start, progress, cancel, and then the
 * documents with the most to review, each a button that opens it.
 */
export function SuggestionJobPanel() {
  const job = useStore((s) => s.suggestionJob);
  const start = useStore((s) => s.startSuggestionJob);
  const cancel = useStore((s) => s.cancelSuggestionJob);
  const selectDocument = useStore((s) => s.selectDocument);
  const documents = useStore((s) => s.documents);
  const running = job?.state === 'running';

  const ranked = useMemo(() => {
    if (!job || running) return [];
    const titles = new Map(documents.map((d) => [d.key, d.title]));
    return Object.entries(job.byDocument)
      .filter(([, count]) => count > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, LISTED)
      .map(([key, count]) => ({ key, count, title: titles.get(key) ?? key }));
  }, [job, running, documents]);

  return (
    <section className="suggestion-job" aria-labelledby="suggestion-job-heading">
      <h2 id="suggestion-job-heading">All documents</h2>
      {running ? (
        <>
          <progress
            className="suggestion-progress"
            aria-label="Finding suggestions in all documents"
            max={Math.max(job.total, 1)}
            value={job.done}
          />
          <p aria-live="polite">
            {job.done} of {job.total} documents, {job.found} suggestions so far
          </p>
          <button type="button" className="button" onClick={() => void cancel()}>
            Cancel
          </button>
        </>
      ) : (
        <>
          {job && job.state !== 'idle' && (
            <p aria-live="polite">
              {job.state === 'cancelled'
                ? `Cancelled after ${job.done} of ${job.total} documents: ${job.found} suggestions.`
                : job.state === 'failed'
                  ? `The run failed: ${job.failures.at(-1)?.message ?? 'unknown error'}`
                  : `${job.found} suggestions in ${ranked.length === 0 ? 'no' : Object.values(job.byDocument).filter((n) => n > 0).length} of ${job.total} documents.`}
              {job.state !== 'failed' &&
                job.failures.length > 0 &&
                ` ${job.failures.length} could not be read.`}
            </p>
          )}
          <ReviewQueueEntry />
          <button type="button" className="button" onClick={() => void start()}>
            {job && job.state !== 'idle'
              ? 'Look again in all documents'
              : 'Find suggestions in all documents'}
          </button>
          {ranked.length > 0 && (
            <ul className="suggestion-documents" aria-label="Documents with suggestions">
              {ranked.map((d) => (
                <li key={d.key}>
                  <button type="button" className="row-button" onClick={() => void selectDocument(d.key)}>
                    <span className="suggestion-document-title">{d.title}</span>
                    <span className="suggestion-document-count">{d.count}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
