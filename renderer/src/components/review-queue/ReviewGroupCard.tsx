import { useMemo } from 'react';
import { suggestionGroupId } from '../../../../shared/model/suggestion-group';
import { useStore } from '../../store/context';
import { selectShownGroup } from '../../store/review-queue-slice';
import { withKeys } from './key-hint';
import { ReviewGroupDocuments } from './ReviewGroupDocuments';
import { groupHeading, groupState } from './review-queue-text';

/**
 * The group shown: what it is and how many mentions it has here and overall, where it stands,
 * its documents, and the decisions (each button names its key).
 */
export function ReviewGroupCard() {
  const group = useStore(selectShownGroup);
  const shownKey = useStore((s) => s.reviewDocumentKey);
  const suggestions = useStore((s) => s.suggestions);
  const readOnly = useStore((s) => s.project?.readOnlyCodebook ?? true);
  const accept = useStore((s) => s.acceptReviewGroup);
  const reject = useStore((s) => s.rejectReviewGroup);
  const skip = useStore((s) => s.skipReviewGroup);
  const close = useStore((s) => s.closeReviewQueue);
  const neverSuggest = useStore((s) => s.neverSuggest);

  // On offer in the document shown now (its list as the reader has it), null while it loads.
  const here = useMemo(() => {
    if (!group || suggestions.key !== shownKey || suggestions.loading) return null;
    return suggestions.list.filter((s) => suggestionGroupId(s) === group.id);
  }, [group, shownKey, suggestions]);

  if (!group) return null;
  const decidedHere = group.byDocument.find((d) => d.key === shownKey)?.decision;
  const named = group.kind === 'candidate' || group.kind === 'stakeholder';
  return (
    <article className="review-group" aria-labelledby="review-group-heading" data-group={group.id}>
      <h3 id="review-group-heading">{groupHeading(group, here ? here.length : null)}</h3>
      <p className="review-group-state">{groupState(group)}</p>
      <ReviewGroupDocuments group={group} shownKey={shownKey} />
      <div className="review-group-actions">
        <button
          type="button"
          className="button button-primary"
          title={withKeys('Accept in every document', 'acceptReviewGroup')}
          disabled={readOnly}
          onClick={() => accept()}
        >
          Accept everywhere
        </button>
        <button
          type="button"
          className="button"
          title={withKeys('Reject in the document shown', 'rejectReviewGroupHere')}
          disabled={readOnly || decidedHere !== undefined}
          onClick={() => reject('here')}
        >
          Reject here
        </button>
        <button
          type="button"
          className="button"
          title={withKeys('Reject in every document', 'rejectReviewGroupEverywhere')}
          disabled={readOnly}
          onClick={() => reject('everywhere')}
        >
          Reject everywhere
        </button>
        <button
          type="button"
          className="button"
          title={withKeys('Skip for later', 'skipReviewGroup')}
          disabled={readOnly || group.skipped}
          onClick={() => skip()}
        >
          Skip
        </button>
        {named && here?.[0] && (
          <button
            type="button"
            className="button"
            title={`Never suggest “${here[0].quote}” in this project`}
            disabled={readOnly}
            onClick={() => void neverSuggest(here[0]!)}
          >
            Never suggest “{here[0].quote}”
          </button>
        )}
        <button
          type="button"
          className="button"
          title={withKeys('Back to the document’s list', 'closeReviewQueue')}
          onClick={close}
        >
          Back to the document’s list
        </button>
      </div>
    </article>
  );
}
