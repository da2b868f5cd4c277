import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useStore } from '../../store/context';
import { STAKEHOLDER_KIND_LABELS } from '../editors/StakeholderPicker';
import { AliasEditor } from './AliasEditor';
import { MergeDialog } from './MergeDialog';
import { StakeholderForm } from './StakeholderForm';
import { ConcernsSection, FiguresSection, MentionsSection } from './StakeholderPassages';
import './StakeholderPage.css';
import { useStakeholders } from './use-project-data';
import { useStakeholderPageRefresh } from './use-stakeholder-page-refresh';

/**
 * One stakeholder's page in the register tab: what it is (editable), every mention of it across
 * the project, the concerns tagged around them and the figures linked to them. Back, or Escape
 * anywhere on the page, returns to the list with focus on the stakeholder's row.
 */
export function StakeholderPage() {
  const page = useStore((s) => s.stakeholderPage);
  const close = useStore((s) => s.closeStakeholderPage);
  const stakeholders = useStakeholders();
  const readOnly = useStore((s) => s.project?.readOnlyCodebook ?? true);
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useStakeholderPageRefresh();

  // Focus lands on the page it opened (a screen reader reads the name); again after a merge leads elsewhere.
  const id = page?.id;
  useEffect(() => {
    if (id) heading.current?.focus();
  }, [id]);

  if (!page) return null;
  // The register's copy is current as soon as an edit is saved; the profile's until a merge is answered.
  const stakeholder = stakeholders.find((s) => s.id === page.id) ?? page.profile?.stakeholder;

  const back = () => {
    const returnTo = page.id;
    flushSync(close);
    const rows = document.querySelectorAll<HTMLElement>('[data-stakeholder-id]');
    [...rows].find((row) => row.dataset.stakeholderId === returnTo)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // Forms and dialogs on the page take their own Escape first.
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    back();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape from anywhere inside the page goes back, as the Back button does.
    <div className="stakeholder-page" onKeyDown={onKeyDown}>
      <div className="tab-toolbar">
        <button type="button" className="button" onClick={back}>
          <span aria-hidden="true">← </span>Back to the register
        </button>
        {page.loading && (
          <span className="stakeholder-loading" role="status">
            Loading…
          </span>
        )}
      </div>
      {!stakeholder ? (
        page.error ? (
          <p className="field-error" role="alert">
            {page.error.message}
          </p>
        ) : null
      ) : (
        <>
          <header className="stakeholder-header">
            <h2 ref={heading} tabIndex={-1} className="stakeholder-name">
              {stakeholder.name}
            </h2>
            <p className="stakeholder-facts">
              <span className="register-kind">{STAKEHOLDER_KIND_LABELS[stakeholder.kind]}</span>
              {stakeholder.country && <span>{stakeholder.country}</span>}
            </p>
            {stakeholder.description && <p className="stakeholder-description">{stakeholder.description}</p>}
            {!readOnly && (
              <div className="register-actions">
                <button type="button" className="button" disabled={editing} onClick={() => setEditing(true)}>
                  Edit details
                </button>
                {stakeholders.length > 1 && (
                  <button type="button" className="button" onClick={() => setMerging(true)}>
                    Merge into…
                  </button>
                )}
              </div>
            )}
          </header>
          {editing && (
            <StakeholderForm
              stakeholder={stakeholder}
              onDone={() => {
                setEditing(false);
                heading.current?.focus();
              }}
            />
          )}
          <AliasEditor stakeholder={stakeholder} editable={!readOnly} />
          {page.error && (
            <p className="field-error" role="alert">
              {page.error.message}
            </p>
          )}
          {page.profile && (
            <>
              <MentionsSection mentions={page.profile.mentions} />
              <ConcernsSection concerns={page.profile.concerns} />
              <FiguresSection figures={page.profile.figures} />
            </>
          )}
          {merging && <MergeDialog from={stakeholder} onClose={() => setMerging(false)} />}
        </>
      )}
    </div>
  );
}
