import { useMemo } from 'react';
import { groupOpen, inSuggestionGroup } from '../../../../shared/model/suggestion-group';
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
    return suggestions.list.filter((s) => inSuggestionGroup(group, s));
  }, [group, shownKey, suggestions]);

  if (!group) return null;
  const open = groupOpen(group);
  const decidedHere = group.byDocument.find((d) => d.key === shownKey)?.decision;
  const named = group.kind === 'candidate' || group.kind === 'stakeholder';
  const name = named ? here?.[0] : undefined;
  const actions: Action[] = [
    {
      text: 'Accept everywhere',
      title: withKeys('Accept in every document', 'acceptReviewGroup'),
      primary: true,
      off: !open,
      run: accept,
    },
    {
      text: 'Reject here',
      title: withKeys('Reject in the document shown', 'rejectReviewGroupHere'),
      off: decidedHere !== undefined,
      run: () => reject('here'),
    },
    {
      text: 'Reject everywhere',
      title: withKeys('Reject in every document', 'rejectReviewGroupEverywhere'),
      off: !open,
      run: () => reject('everywhere'),
    },
    {
      text: 'Skip',
      title: withKeys('Skip for later', 'skipReviewGroup'),
      off: !open || group.skipped === true,
      run: skip,
    },
    ...(name
      ? [
          {
            text: `Never suggest “${name.quote}”`,
            title: `Never suggest “${name.quote}” in this project`,
            off: false,
            run: () => void neverSuggest(name),
          },
        ]
      : []),
  ];
  return (
    <article className="review-group" aria-labelledby="review-group-heading" data-group={group.id}>
      <h3 id="review-group-heading">{groupHeading(group, here ? here.length : null)}</h3>
      <p className="review-group-state">{groupState(group)}</p>
      <ReviewGroupDocuments group={group} shownKey={shownKey} />
      <div className="review-group-actions">
        {actions.map((action) => (
          <button
            key={action.text}
            type="button"
            className={action.primary ? 'button button-primary' : 'button'}
            title={action.title}
            disabled={readOnly || action.off}
            onClick={() => action.run()}
          >
            {action.text}
          </button>
        ))}
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

/** A decision button: `off` when there is nothing for it to do (a read-only project turns all off). */
interface Action {
  text: string;
  title: string;
  primary?: boolean;
  off: boolean;
  run(): unknown;
}
