import { useEffect, useMemo, useRef, useState } from 'react';
import type { Stakeholder } from '../../../../shared/model/stakeholder';
import { useStore } from '../../store/context';
import { STAKEHOLDER_KIND_LABELS } from '../editors/StakeholderPicker';
import { MergeDialog } from './MergeDialog';
import { StakeholderForm } from './StakeholderForm';
import { StakeholderPage } from './StakeholderPage';
import './RegisterTab.css';
import { useStakeholders } from './use-project-data';

/** The stakeholder register: every entity with its kind, aliases and mentions across the project. */
export function RegisterTab() {
  const stakeholders = useStakeholders();
  const readOnly = useStore((s) => s.project?.readOnlyCodebook ?? true);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [merging, setMerging] = useState<Stakeholder | null>(null);
  useMentionCounts();
  const counts = useStore((s) => s.mentionCounts);
  const pageOpen = useStore((s) => s.stakeholderPage !== null);

  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const matches = needle
      ? stakeholders.filter((s) =>
          [s.name, ...s.aliases, s.kind, s.country ?? ''].some((text) => text.toLowerCase().includes(needle)),
        )
      : [...stakeholders];
    return matches.sort((a, b) => a.name.localeCompare(b.name));
  }, [stakeholders, query]);

  // The page replaces the list but the tab stays mounted, so the filter is still there on the way back.
  if (pageOpen) return <StakeholderPage />;
  return (
    <div className="register-tab">
      <div className="tab-toolbar">
        <input
          type="search"
          className="register-filter"
          aria-label="Filter stakeholders"
          placeholder="Filter"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button
          type="button"
          className="button"
          disabled={readOnly || adding}
          onClick={() => setAdding(true)}
        >
          Add stakeholder
        </button>
      </div>
      {adding && <StakeholderForm onDone={() => setAdding(false)} />}
      <p className="list-count" aria-live="polite">
        {shown.length === stakeholders.length
          ? `${stakeholders.length} stakeholder${stakeholders.length === 1 ? '' : 's'}`
          : `${shown.length} of ${stakeholders.length}`}
      </p>
      {stakeholders.length === 0 && <p className="empty-state">The register is empty.</p>}
      <ul className="register-list" aria-label="Stakeholders">
        {shown.map((stakeholder) =>
          editingId === stakeholder.id ? (
            <li key={stakeholder.id} className="register-item">
              <StakeholderForm stakeholder={stakeholder} onDone={() => setEditingId(null)} />
            </li>
          ) : (
            <StakeholderItem
              key={stakeholder.id}
              stakeholder={stakeholder}
              mentions={counts[stakeholder.id] ?? 0}
              editable={!readOnly}
              canMerge={stakeholders.length > 1}
              onEdit={() => setEditingId(stakeholder.id)}
              onMerge={() => setMerging(stakeholder)}
            />
          ),
        )}
      </ul>
      {merging && <MergeDialog from={merging} onClose={() => setMerging(null)} />}
    </div>
  );
}

/**
 * Mention counts come from every annotation file of the project, so they are loaded when the
 * register is shown and again once the open document's mentions have changed and been saved
 * (after tagging), not after every other save.
 */
function useMentionCounts() {
  const load = useStore((s) => s.loadMentionCounts);
  const annotations = useStore((s) => s.reader.annotations);
  const saved = useStore((s) => s.savesPending === 0);
  const mentions = useMemo(
    () =>
      annotations
        .map((a) => a.stakeholderId)
        .filter(Boolean)
        .join(' '),
    [annotations],
  );
  const loadedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!saved || loadedFor.current === mentions) return;
    loadedFor.current = mentions;
    void load();
  }, [load, mentions, saved]);
}

function StakeholderItem({
  stakeholder,
  mentions,
  editable,
  canMerge,
  onEdit,
  onMerge,
}: {
  stakeholder: Stakeholder;
  mentions: number;
  editable: boolean;
  canMerge: boolean;
  onEdit: () => void;
  onMerge: () => void;
}) {
  const { name, kind, aliases, country, description } = stakeholder;
  const openPage = useStore((s) => s.openStakeholderPage);
  return (
    <li className="register-item">
      <div className="register-item-head">
        <button
          type="button"
          className="register-name register-open"
          aria-label={`Open ${name}`}
          data-stakeholder-id={stakeholder.id}
          onClick={() => void openPage(stakeholder.id)}
        >
          {name}
        </button>
        <span className="register-kind">{STAKEHOLDER_KIND_LABELS[kind]}</span>
        <span className="register-mentions">{mentions === 1 ? '1 mention' : `${mentions} mentions`}</span>
      </div>
      {aliases.length > 0 && <p className="register-aliases">Also: {aliases.join(', ')}</p>}
      {(country || description) && (
        <p className="register-description">{[country, description].filter(Boolean).join(' · ')}</p>
      )}
      {editable && (
        <div className="register-actions">
          <button type="button" className="button" aria-label={`Edit ${name}`} onClick={onEdit}>
            Edit
          </button>
          {canMerge && (
            <button type="button" className="button" aria-label={`Merge ${name} into…`} onClick={onMerge}>
              Merge…
            </button>
          )}
        </div>
      )}
    </li>
  );
}
