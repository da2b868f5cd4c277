import { useId, useMemo, useState } from 'react';
import type { MentionRef, StakeholderProfile } from '../../../../shared/api';
import { formatFigureValue } from '../editors/format-figure';
import { PassageRow, Pause } from './PassageRow';
import { useCodebook } from './use-project-data';

function PassageList({ label, passages }: { label: string; passages: readonly MentionRef[] }) {
  return (
    <ul className="passage-list" aria-label={label}>
      {passages.map((passage) => (
        <li key={`${passage.key}\n${passage.annotationId}`}>
          <PassageRow passage={passage} title={passage.title} />
        </li>
      ))}
    </ul>
  );
}

/** A titled part of the page; its heading names the list inside. */
function Section({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  const headingId = useId();
  return (
    <section className="stakeholder-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="stakeholder-section-heading">
        {title} <span className="stakeholder-count">{count}</span>
      </h3>
      {children}
    </section>
  );
}

export function MentionsSection({ mentions }: { mentions: readonly MentionRef[] }) {
  return (
    <Section title="Mentions" count={mentions.length}>
      {mentions.length === 0 ? (
        <p className="stakeholder-empty">Not tagged anywhere yet.</p>
      ) : (
        <PassageList label="Mentions" passages={mentions} />
      )}
    </Section>
  );
}

function useCodeNames(): (id: string) => string {
  const codes = useCodebook().codes;
  const names = useMemo(() => new Map(codes.map((c) => [c.id, c.name])), [codes]);
  return (id) => names.get(id) ?? id;
}

/** Each concern code with how often it is tagged near the mentions; a code opens to its passages. */
export function ConcernsSection({ concerns }: { concerns: StakeholderProfile['concerns'] }) {
  const codeName = useCodeNames();
  const baseId = useId();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (code: string) =>
    setOpen((was) => {
      const next = new Set(was);
      if (!next.delete(code)) next.add(code);
      return next;
    });
  return (
    <Section title="Concerns nearby" count={concerns.length}>
      {concerns.length === 0 ? (
        <p className="stakeholder-empty">No concern tagged in the paragraphs of its mentions.</p>
      ) : (
        <ul className="concern-list" aria-label="Concerns nearby">
          {concerns.map(({ code, count, passages }) => {
            const name = codeName(code);
            const expanded = open.has(code);
            const listId = `${baseId}-${code}`;
            return (
              <li key={code}>
                <button
                  type="button"
                  className="row-button concern-row"
                  aria-expanded={expanded}
                  aria-controls={expanded ? listId : undefined}
                  onClick={() => toggle(code)}
                >
                  <span aria-hidden="true" className="concern-caret">
                    {expanded ? '▾' : '▸'}
                  </span>
                  <span className="concern-name">{name}</span>
                  <Pause />
                  <span className="stakeholder-count">{count === 1 ? '1 passage' : `${count} passages`}</span>
                </button>
                {expanded && (
                  <div id={listId}>
                    <PassageList label={`${name} passages`} passages={passages} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

const VIA_LABELS = { relation: 'linked', sentence: 'same sentence' } as const;

export function FiguresSection({ figures }: { figures: StakeholderProfile['figures'] }) {
  const codeName = useCodeNames();
  return (
    <Section title="Figures" count={figures.length}>
      {figures.length === 0 ? (
        <p className="stakeholder-empty">No figure linked to it or in a sentence with it.</p>
      ) : (
        <ul className="passage-list" aria-label="Figures">
          {figures.map((figure) => (
            <li key={`${figure.key}\n${figure.annotationId}`}>
              <PassageRow
                passage={figure}
                title={figure.title}
                detail={[
                  codeName(figure.code),
                  figure.value && formatFigureValue(figure.value),
                  VIA_LABELS[figure.via],
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
