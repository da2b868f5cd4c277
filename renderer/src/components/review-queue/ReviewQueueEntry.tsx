import { useStore } from '../../store/context';
import { entryText } from './review-queue-text';

/**
 * The way into the review queue, once a run over all documents has built one: "Review 3,180
 * suggestions in 305 groups", or "Resume review: 412 of 3,180 reviewed".
 */
export function ReviewQueueEntry() {
  const queue = useStore((s) => s.reviewQueue);
  const reviewOpen = useStore((s) => s.reviewOpen);
  const open = useStore((s) => s.openReviewQueue);
  if (!queue || queue.groups.length === 0 || reviewOpen) return null;
  return (
    <button type="button" className="button button-primary review-queue-entry" onClick={() => void open()}>
      {entryText(queue)}
    </button>
  );
}
