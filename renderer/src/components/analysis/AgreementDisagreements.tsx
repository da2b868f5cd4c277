import { useId, useMemo } from 'react';
import type {
  AgreementDisagreements as Answer,
  Disagreement,
  DisagreementPassage,
} from '../../../../shared/api';
import { useStore } from '../../store/context';
import { VirtualList } from '../document-list/VirtualList';
import { pairKindLabel } from '../reader-views/pair-kinds';
import { Pause } from '../side-panel/PassageRow';
import { documentsWords } from './agreement-words';
import { FetchedStatus } from './FetchedStatus';

/** Pixels per row; analysis-views.css cuts a row's lines to fit (.disagreement-row). */
const ROW_HEIGHT = 84;

/** The list's rows: a document's heading, then its disagreements in text order. */
type Row =
  | { type: 'document'; key: string; title: string; count: number }
  | { type: 'disagreement'; key: string; title: string; index: number; disagreement: Disagreement };

/**
 * The disagreements behind the number chosen last, grouped by document: each row says how the
 * two annotators differ and shows their passages (or the one), and a passage opens its article
 * side by side, the pair as its columns, with the passage selected. Only the rows in view are
 * drawn, so a long list scrolls as a short one does.
 */
export function AgreementDisagreements({ id }: { id: string }) {
  const fetched = useStore((s) => s.disagreements);
  const close = useStore((s) => s.closeDisagreements);
  const codes = useStore((s) => s.project?.codebook.codes);
  const headingId = useId();
  const names = useMemo(() => new Map(codes?.map((c) => [c.id, c.name])), [codes]);
  const rows = useMemo(() => (fetched.answer ? rowsOf(fetched.answer) : []), [fetched.answer]);
  if (!fetched.asked && !fetched.loading && !fetched.error) return null;
  const answer = fetched.answer;
  return (
    <section id={id} className="analysis-passages agreement-disagreements" aria-labelledby={headingId}>
      <div className="agreement-disagreements-head">
        <h3 id={headingId} className="analysis-passages-heading">
          {answer
            ? `Where ${answer.a} and ${answer.b} differ${answer.code ? ` on ${names.get(answer.code) ?? answer.code}` : ''}`
            : 'Disagreements'}
        </h3>
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </div>
      <FetchedStatus fetched={fetched} busy="Comparing…" failed="The disagreements could not be listed" />
      {answer && (
        <>
          <p className="analysis-rule">
            {summary(answer)}, over {documentsWords(answer.documents, answer.doneOnly)}.
          </p>
          {rows.length > 0 && (
            <VirtualList
              className="disagreement-list"
              label={`Disagreements between ${answer.a} and ${answer.b}`}
              items={rows}
              rowHeight={ROW_HEIGHT}
              itemKey={(row) => (row.type === 'document' ? row.key : `${row.key}\n${row.index}`)}
              renderRow={(row) =>
                row.type === 'document' ? (
                  <h4 className="disagreement-document" tabIndex={-1}>
                    {row.title || row.key}
                    <span className="disagreement-document-count">
                      <Pause />
                      {row.count}
                    </span>
                  </h4>
                ) : (
                  <DisagreementRow row={row} answer={answer} names={names} />
                )
              }
            />
          )}
        </>
      )}
    </section>
  );
}

function DisagreementRow({
  row,
  answer,
  names,
}: {
  row: Extract<Row, { type: 'disagreement' }>;
  answer: Answer;
  names: Map<string, string>;
}) {
  const { kind, a, b } = row.disagreement;
  return (
    <div className="disagreement-row" data-kind={kind}>
      <span className="disagreement-kind">
        <span className="comparison-swatch" data-kind={kind} aria-hidden="true" />
        {pairKindLabel(kind, answer.a, answer.b)}
        <Pause />
      </span>
      <PassageSide who={answer.a} passage={a} documentKey={row.key} names={names} />
      <PassageSide who={answer.b} passage={b} documentKey={row.key} names={names} />
    </div>
  );
}

function PassageSide({
  who,
  passage,
  documentKey,
  names,
}: {
  who: string;
  passage: DisagreementPassage | null;
  documentKey: string;
  names: Map<string, string>;
}) {
  const open = useStore((s) => s.openDisagreement);
  const selected = useStore(
    (s) =>
      passage !== null && s.selectedAnnotationId === passage.annotationId && s.reader.key === documentKey,
  );
  if (!passage) {
    return (
      <span className="disagreement-side disagreement-none">
        <span className="disagreement-who">{who}</span>: nothing here
      </span>
    );
  }
  return (
    <button
      type="button"
      className="row-button disagreement-side"
      data-annotation-id={passage.annotationId}
      aria-current={selected ? 'true' : undefined}
      onClick={() => void open({ key: documentKey, annotationId: passage.annotationId })}
    >
      <span className="disagreement-who">{who}</span>
      <Pause />
      <span className="disagreement-code">{names.get(passage.code) ?? passage.code}</span>
      <Pause />
      <mark className="disagreement-quote">{passage.quote}</mark>
    </button>
  );
}

function rowsOf(answer: Answer): Row[] {
  const rows: Row[] = [];
  for (const { key, title, disagreements } of answer.byDocument) {
    rows.push({ type: 'document', key, title, count: disagreements.length });
    disagreements.forEach((disagreement, index) => {
      rows.push({ type: 'disagreement', key, title, index, disagreement });
    });
  }
  return rows;
}

function summary(answer: Answer): string {
  const { counts } = answer;
  const total = Object.values(counts).reduce((n, count) => n + count, 0);
  if (total === 0) return 'No disagreement';
  const parts = (['different-codes', 'overlapping', 'only-a', 'only-b'] as const)
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `${counts[kind]} ${pairKindLabel(kind, answer.a, answer.b).toLowerCase()}`);
  return `${total} disagreement${total === 1 ? '' : 's'} (${parts.join('; ')})`;
}
