import { useEffect, useMemo, useRef } from 'react';
import type { Suggestion, SuggestionKind } from '../../../../shared/model/suggestion';
import { useStore } from '../../store/context';
import { VirtualList, type VirtualListHandle } from '../document-list/VirtualList';
import { formatFigureValue } from '../editors/format-figure';
import { STAKEHOLDER_KIND_LABELS } from '../editors/StakeholderPicker';
import { ReviewQueuePanel } from '../review-queue/ReviewQueuePanel';
import { SearchProposalsPanel } from './SearchProposalsPanel';
import { SuggestionJobPanel } from './SuggestionJobPanel';
import { NeverSuggestButton, SuggestionRules } from './SuggestionRules';
import { SuggestionStatsLine } from './SuggestionStatsLine';
import { useCodebook, useStakeholders } from './use-project-data';
import { useRowFocus } from './use-row-focus';
import './SuggestionsTab.css';

/** Pixels per row; SuggestionsTab.css lays a row out to fit (.suggestion-row). */
const ROW_HEIGHT = 52;
const NO_SUGGESTIONS: Suggestion[] = [];

const KIND_NAMES: Record<SuggestionKind, [one: string, many: string]> = {
  stakeholder: ['stakeholder mention', 'stakeholder mentions'],
  figure: ['figure', 'figures'],
  candidate: ['possible new stakeholder', 'possible new stakeholders'],
  search: ['search hit', 'search hits'],
};

export function kindCount(kind: SuggestionKind, count: number): string {
  return `${count} ${KIND_NAMES[kind][count === 1 ? 0 : 1]}`;
}

/**
 * What Gloss proposes to tag in the open document (figures the parser read, mentions of the
 * register's stakeholders, search hits proposed from the Search tab), to accept or reject one by
 * one or all of a kind at once; the documents with search proposals waiting; and the run that
 * looks for suggestions across every document.
 */
export function SuggestionsTab() {
  const key = useStore((s) => s.reader.key);
  const state = useStore((s) => s.suggestions);
  const stakeholders = useStakeholders();
  const loadSuggestions = useStore((s) => s.loadSuggestions);
  const acceptSuggestions = useStore((s) => s.acceptSuggestions);
  const reviewOpen = useStore((s) => s.reviewOpen);
  const current = state.key === key ? state.list : NO_SUGGESTIONS;

  // A register change (a new stakeholder, alias or merge) changes what there is to find.
  const registerSeen = useRef(stakeholders);
  useEffect(() => {
    if (registerSeen.current === stakeholders) return;
    registerSeen.current = stakeholders;
    if (key) void loadSuggestions(key);
  }, [stakeholders, key, loadSuggestions]);

  const byKind = useMemo(() => {
    const groups = new Map<SuggestionKind, string[]>();
    for (const s of current) groups.set(s.kind, [...(groups.get(s.kind) ?? []), s.id]);
    return [...groups];
  }, [current]);

  return (
    <div className="suggestions-tab">
      {reviewOpen ? (
        <ReviewQueuePanel />
      ) : key === null ? (
        <p className="empty-state">Open a document to see what Gloss suggests tagging in it.</p>
      ) : state.error && state.key === key ? (
        <p className="suggestions-error" role="alert">
          Suggestions could not be found: {state.error.message}
        </p>
      ) : (
        <>
          <div className="suggestions-summary">
            <p aria-live="polite">
              {state.loading && current.length === 0
                ? 'Looking for suggestions…'
                : current.length === 0
                  ? 'Nothing left to suggest in this document.'
                  : `${current.length} suggestion${current.length === 1 ? '' : 's'}: ${byKind.map(([kind, ids]) => kindCount(kind, ids.length)).join(', ')}.`}
              {state.key === key && state.rejected > 0 && ` ${state.rejected} rejected.`}
            </p>
            {byKind.map(([kind, ids]) => (
              <button key={kind} type="button" className="button" onClick={() => void acceptSuggestions(ids)}>
                Accept all {kindCount(kind, ids.length)}
              </button>
            ))}
          </div>
          <SuggestionStatsLine />
          <SuggestionList suggestions={current} />
        </>
      )}
      {/* The queue needs the room; the run and its documents come back with the list. */}
      {!reviewOpen && <SearchProposalsPanel />}
      {!reviewOpen && <SuggestionJobPanel />}
      <SuggestionRules />
    </div>
  );
}

function SuggestionList({ suggestions }: { suggestions: readonly Suggestion[] }) {
  const selectedId = useStore((s) => s.selectedSuggestionId);
  const codes = useCodebook().codes;
  const stakeholders = useStakeholders();
  const list = useRef<VirtualListHandle>(null);
  const codeNames = useMemo(() => new Map(codes.map((c) => [c.id, c.name])), [codes]);
  const names = useMemo(() => new Map(stakeholders.map((s) => [s.id, s.name])), [stakeholders]);
  const selectedIndex = useMemo(
    () => (selectedId === null ? -1 : suggestions.findIndex((s) => s.id === selectedId)),
    [suggestions, selectedId],
  );

  useEffect(() => {
    if (selectedIndex !== -1) list.current?.scrollToIndex(selectedIndex);
  }, [selectedIndex]);
  useRowFocus('suggestions', selectedIndex, list);

  if (suggestions.length === 0) return null;
  return (
    <VirtualList
      ref={list}
      className="suggestion-list"
      label="Suggestions"
      items={suggestions}
      rowHeight={ROW_HEIGHT}
      itemKey={(s) => s.id}
      renderRow={(suggestion, index) => (
        <SuggestionRow
          suggestion={suggestion}
          selected={index === selectedIndex}
          tabStop={index === (selectedIndex === -1 ? 0 : selectedIndex)}
          codeName={codeNames.get(suggestion.code) ?? suggestion.code}
          detail={
            suggestion.value
              ? formatFigureValue(suggestion.value)
              : suggestion.stakeholderId
                ? (names.get(suggestion.stakeholderId) ?? '')
                : suggestion.newStakeholder
                  ? `new ${STAKEHOLDER_KIND_LABELS[suggestion.newStakeholder.kind]}: ${suggestion.newStakeholder.name}`
                  : suggestion.kind === 'search'
                    ? `search “${suggestion.query ?? ''}”`
                    : ''
          }
        />
      )}
    />
  );
}

function SuggestionRow({
  suggestion,
  selected,
  tabStop,
  codeName,
  detail,
}: {
  suggestion: Suggestion;
  selected: boolean;
  tabStop: boolean;
  codeName: string;
  detail: string;
}) {
  const selectSuggestion = useStore((s) => s.selectSuggestion);
  const acceptSuggestions = useStore((s) => s.acceptSuggestions);
  const rejectSuggestions = useStore((s) => s.rejectSuggestions);
  const focusSelectedRow = useStore((s) => s.focusSelectedRow);
  const quote = suggestion.quote.replace(/\s+/g, ' ');
  return (
    <div className="suggestion-row">
      <button
        type="button"
        className="row-button suggestion-choose"
        aria-current={selected ? 'true' : undefined}
        tabIndex={tabStop ? 0 : -1}
        onClick={() => selectSuggestion(suggestion.id)}
        onKeyDown={(event) => {
          // The row keeps focus through the list: the next one is selected and takes it.
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            void acceptSuggestions([suggestion.id]).then(() => focusSelectedRow('suggestions'));
          } else if (event.key === 'Delete' || event.key === 'Backspace') {
            event.preventDefault();
            void rejectSuggestions([suggestion.id]).then(() => focusSelectedRow('suggestions'));
          }
        }}
      >
        <span className="suggestion-row-head">
          <span className="suggestion-row-code">{codeName}</span>
          {detail && <span className="suggestion-row-detail">{detail}</span>}
        </span>
        <span className="suggestion-row-quote">{quote}</span>
      </button>
      <button
        type="button"
        className="sp-icon-button suggestion-accept"
        aria-label={`Accept “${quote}” as ${codeName}`}
        title="Accept (Enter)"
        tabIndex={-1}
        onClick={() => void acceptSuggestions([suggestion.id])}
      >
        ✓
      </button>
      <button
        type="button"
        className="sp-icon-button suggestion-reject"
        aria-label={`Reject “${quote}”`}
        title="Reject (Backspace)"
        tabIndex={-1}
        onClick={() => void rejectSuggestions([suggestion.id])}
      >
        ✕
      </button>
      <NeverSuggestButton suggestion={suggestion} />
    </div>
  );
}
