import { useId, useState } from 'react';
import { useStore } from '../../store/context';
import { CodeOptions } from './CodeOptions';
import { plural } from './SearchResults';
import { useCodebook } from './use-project-data';

/**
 * Tagging search hits, safely: "Tag all hits" (or a row's "Tag") asks for the code, then proposes
 * the hits as suggestions to review in the Suggestions tab; nothing is tagged here.
 */
export function SearchTagging() {
  const choosing = useStore((s) => s.searchProposals.choosing);
  const outcome = useStore((s) => s.searchProposals.outcome);
  const total = useStore((s) => s.search.result?.total ?? 0);
  const choose = useStore((s) => s.chooseSearchTag);
  return (
    <div className="search-tagging">
      {choosing ? (
        <TagForm />
      ) : (
        <button type="button" className="button" onClick={() => choose({ scope: 'all' })}>
          Tag all {plural(total, 'hit')}…
        </button>
      )}
      {outcome && !choosing && <Outcome />}
    </div>
  );
}

function TagForm() {
  const choosing = useStore((s) => s.searchProposals.choosing)!;
  const proposing = useStore((s) => s.searchProposals.proposing);
  const error = useStore((s) => s.searchProposals.error);
  const total = useStore((s) => s.search.result?.total ?? 0);
  const choose = useStore((s) => s.chooseSearchTag);
  const propose = useStore((s) => s.proposeSearchTags);
  const codes = useCodebook().codes;
  const [code, setCode] = useState('');
  const id = useId();
  const what =
    choosing.scope === 'all'
      ? `Tag all ${plural(total, 'hit')} with`
      : `Tag “${choosing.hit.text}” in ${choosing.hit.key} with`;
  return (
    <form
      className="search-tag-form"
      aria-label="Tag search hits"
      onSubmit={(event) => {
        event.preventDefault();
        if (code) void propose(code);
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        choose(null);
      }}
    >
      <label htmlFor={id}>{what}</label>
      <select
        id={id}
        // biome-ignore lint/a11y/noAutofocus: the form opens because the researcher asked to choose a code.
        autoFocus
        value={code}
        onChange={(event) => setCode(event.target.value)}
      >
        <option value="" disabled>
          Choose a code
        </option>
        <CodeOptions codes={codes} />
      </select>
      <p className="search-tag-note">
        Each hit becomes a suggestion to accept or reject; nothing is tagged yet.
      </p>
      {error && (
        <p className="search-error" role="alert">
          {error.message}
        </p>
      )}
      {proposing && <ProposingProgress />}
      <div className="search-tag-actions">
        <button type="submit" className="button" disabled={!code || proposing}>
          {proposing ? 'Proposing…' : 'Propose for review'}
        </button>
        <button type="button" className="button" onClick={() => choose(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const PHASE_WORDS = { checking: 'Checking the documents', saving: 'Saving the proposals' } as const;

/** Proposing thousands of hits takes a while: main's reports, as a bar and in words. */
function ProposingProgress() {
  const progress = useStore((s) => s.searchProposals.progress);
  if (!progress) return <p className="search-tag-progress">Finding the hits…</p>;
  const words = `${PHASE_WORDS[progress.phase]}: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`;
  return (
    <p className="search-tag-progress">
      <progress value={progress.done} max={Math.max(progress.total, 1)} aria-label={words} /> {words}
    </p>
  );
}

function Outcome() {
  const outcome = useStore((s) => s.searchProposals.outcome)!;
  const review = useStore((s) => s.reviewSearchProposals);
  const codes = useCodebook().codes;
  const codeName = codes.find((c) => c.id === outcome.code)?.name ?? outcome.code;
  const skipped =
    outcome.skipped > 0 ? ` ${outcome.skipped} already tagged ${codeName} or proposed were left out.` : '';
  return (
    <div className="search-tag-outcome" role="status">
      <p>
        {outcome.proposed === 0
          ? `Nothing new to propose as ${codeName}.${skipped}`
          : `${plural(outcome.proposed, 'hit')} proposed as ${codeName} for review in ${plural(outcome.documents, 'document')} — review them in Suggestions.${skipped}`}
      </p>
      <button type="button" className="button" onClick={() => void review()}>
        Review in Suggestions
      </button>
    </div>
  );
}
