import { useMemo } from 'react';
import { useStore } from '../../store/context';
import { groupCounts } from '../../store/review-queue-moves';
import { ReviewGroupCard } from './ReviewGroupCard';
import { ReviewGroupList } from './ReviewGroupList';
import { count, progressText } from './review-queue-text';
import './ReviewQueue.css';

/**
 * The review queue in the Suggestions tab: how far the review is, the group shown (a card with
 * its decisions), and every group to jump to. The keys are the "Review queue" rows of
 * keyboard/shortcuts.ts; each button names its key.
 */
export function ReviewQueuePanel() {
  const queue = useStore((s) => s.reviewQueue);
  const error = useStore((s) => s.reviewQueueError);
  const close = useStore((s) => s.closeReviewQueue);
  const counts = useMemo(() => (queue ? groupCounts(queue) : null), [queue]);

  return (
    <section className="review-queue" aria-labelledby="review-queue-heading">
      <h2 id="review-queue-heading">Review queue</h2>
      {!queue || !counts ? (
        <p role={error ? 'alert' : undefined}>
          {error ? `The review queue could not be read: ${error.message}` : 'Reading the review queue…'}
        </p>
      ) : queue.groups.length === 0 ? (
        <>
          <p>Nothing to review: find suggestions in all documents first.</p>
          <button type="button" className="button" onClick={close}>
            Back to the document’s list
          </button>
        </>
      ) : (
        <>
          <progress
            className="review-progress"
            aria-label="Suggestions reviewed"
            max={Math.max(queue.total, 1)}
            value={queue.reviewed}
          />
          <p className="review-progress-text" aria-live="polite">
            <span>{progressText(queue)}</span>
            {` · ${count(counts.decided)} ${counts.decided === 1 ? 'group' : 'groups'} decided, ${count(counts.left)} left`}
          </p>
          {counts.left === 0 && <p className="review-done">Every group is decided.</p>}
          <ReviewGroupCard />
          <ReviewGroupList groups={queue.groups} />
        </>
      )}
    </section>
  );
}
