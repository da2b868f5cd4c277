import type { DisagreementPassage } from '../../../../shared/api';
import { useStore } from '../../store/context';
import { type CurationPair, selectCurrentItem, selectPlacedItems } from '../../store/curation-slice';
import { pairKindLabel } from '../reader-views/pair-kinds';
import { CurationEditForm } from './CurationEditForm';
import { decisionWords, takeWords } from './curation-words';

/**
 * The disagreement shown: the two readings, what was decided of it, and the decisions, each on
 * a key (keyboard/shortcuts.ts) while the Curation tab is open.
 */
export function CurationCard({ pair }: { pair: CurationPair }) {
  const shown = useStore(selectCurrentItem);
  const total = useStore((s) => selectPlacedItems(s).length);
  const decide = useStore((s) => s.decideCuration);
  const move = useStore((s) => s.moveCuration);
  const editing = useStore((s) => s.curationEditing);
  const setEditing = useStore((s) => s.setCurationEditing);
  if (!shown) return total === 0 ? null : <p className="curation-card">Choose a disagreement below.</p>;
  const { item, title, position } = shown;
  return (
    <section className="curation-card" aria-label="Disagreement shown" data-state={item.state}>
      <p className="curation-position">
        Disagreement {position + 1} of {total} · <span className="curation-title">{title}</span>
      </p>
      <p className="curation-kind">
        <span className="comparison-swatch" data-kind={item.kind} aria-hidden="true" />
        {pairKindLabel(item.kind, pair.a, pair.b)}
      </p>
      <dl className="curation-readings">
        <Reading who={pair.a} passage={item.a} />
        <Reading who={pair.b} passage={item.b} />
      </dl>
      <p className="curation-decided" data-state={item.state}>
        {item.state === 'open' ? 'Not decided yet' : decisionWords(item, pair)}
      </p>
      {editing ? (
        <CurationEditForm item={item} pair={pair} />
      ) : (
        <fieldset className="curation-actions">
          <legend className="visually-hidden">Decide</legend>
          <DecisionButton keys="a" onClick={() => decide('a')} current={item.decision?.decision === 'a'}>
            {takeWords(pair.a, item.a !== null)}
          </DecisionButton>
          <DecisionButton keys="b" onClick={() => decide('b')} current={item.decision?.decision === 'b'}>
            {takeWords(pair.b, item.b !== null)}
          </DecisionButton>
          <DecisionButton
            keys="Shift+B"
            onClick={() => decide('both')}
            current={item.decision?.decision === 'both'}
            disabled={!item.a || !item.b}
          >
            Take both
          </DecisionButton>
          <DecisionButton
            keys="e"
            onClick={() => setEditing(true)}
            current={item.decision?.decision === 'edit'}
          >
            Edit…
          </DecisionButton>
          <DecisionButton
            keys="s"
            onClick={() => decide('skip')}
            current={item.decision?.decision === 'skip'}
          >
            Skip
          </DecisionButton>
        </fieldset>
      )}
      <div className="curation-steps">
        <button type="button" className="button" aria-keyshortcuts="Shift+N" onClick={() => move(-1)}>
          Previous <kbd>⇧N</kbd>
        </button>
        <button type="button" className="button" aria-keyshortcuts="n" onClick={() => move(1)}>
          Next <kbd>N</kbd>
        </button>
      </div>
    </section>
  );
}

function Reading({ who, passage }: { who: string; passage: DisagreementPassage | null }) {
  const codes = useStore((s) => s.project?.codebook.codes);
  const name = passage && (codes?.find((c) => c.id === passage.code)?.name ?? passage.code);
  return (
    <div className="curation-reading">
      <dt>{who}</dt>
      <dd>
        {passage ? (
          <>
            <span className="curation-code">{name}</span> <mark>{passage.quote}</mark>
          </>
        ) : (
          <span className="curation-none">nothing here</span>
        )}
      </dd>
    </div>
  );
}

function DecisionButton({
  keys,
  onClick,
  current,
  disabled,
  children,
}: {
  keys: string;
  onClick(): void;
  current: boolean;
  disabled?: boolean;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      className="button curation-decision"
      aria-keyshortcuts={keys}
      aria-pressed={current}
      disabled={disabled}
      onClick={onClick}
    >
      {children} <kbd>{keys === 'Shift+B' ? '⇧B' : keys.toUpperCase()}</kbd>
    </button>
  );
}
