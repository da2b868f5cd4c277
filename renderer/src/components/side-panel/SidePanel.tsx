import { type KeyboardEvent, useId, useRef } from 'react';
import { useStore } from '../../store/context';
import type { SidePanelTab } from '../../store/ui-slice';
import { AnalysisTab } from './AnalysisTab';
import { AnnotationsTab } from './AnnotationsTab';
import { CodesTab } from './CodesTab';
import { Inspector } from './Inspector';
import { RegisterTab } from './RegisterTab';
import { SearchTab } from './SearchTab';
import { SuggestionsTab } from './SuggestionsTab';
import './SidePanel.css';

const TABS: readonly { id: SidePanelTab; label: string }[] = [
  { id: 'codes', label: 'Codes' },
  { id: 'annotations', label: 'Annotations' },
  { id: 'suggestions', label: 'Suggestions' },
  { id: 'register', label: 'Register' },
  { id: 'search', label: 'Search' },
  { id: 'analysis', label: 'Analysis' },
];

/**
 * The right-hand pane: the codebook, the open document's annotations, suggestions, the
 * stakeholder register, corpus search and the stakeholder × concern analysis as tabs, and below
 * them the inspector of the selected annotation.
 */
export function SidePanel() {
  const tab = useStore((s) => s.sidePanelTab);
  const orphanCount = useStore((s) => s.reader.document?.orphans.length ?? 0);
  const setTab = useStore((s) => s.setSidePanelTab);
  const baseId = useId();
  const tabButtons = useRef(new Map<SidePanelTab, HTMLButtonElement>());
  const tabId = (id: SidePanelTab) => `${baseId}-tab-${id}`;
  const panelId = `${baseId}-panel`;

  // The tabs are one Tab stop; arrow keys, Home and End move between them (WAI-ARIA tabs, automatic activation).
  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.id === tab);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : undefined;
    const target = next === undefined ? undefined : TABS[next];
    if (!target) return;
    event.preventDefault();
    setTab(target.id);
    tabButtons.current.get(target.id)?.focus();
  };

  return (
    <div className="side-panel">
      <div role="tablist" aria-label="Side panel views" className="side-tabs" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(button) => {
              if (button) tabButtons.current.set(t.id, button);
              else tabButtons.current.delete(t.id);
            }}
            type="button"
            role="tab"
            id={tabId(t.id)}
            className="side-tab"
            aria-selected={t.id === tab}
            aria-controls={t.id === tab ? panelId : undefined}
            tabIndex={t.id === tab ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {t.id === 'annotations' && orphanCount > 0 && (
              <span className="tab-badge" title="Annotations not found in the changed article">
                <span aria-hidden="true"> ⚠</span> {orphanCount}
                <span className="visually-hidden"> not found in the changed article</span>
              </span>
            )}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(tab)} className="side-tabpanel">
        {tab === 'codes' ? (
          <CodesTab />
        ) : tab === 'annotations' ? (
          <AnnotationsTab />
        ) : tab === 'suggestions' ? (
          <SuggestionsTab />
        ) : tab === 'register' ? (
          <RegisterTab />
        ) : tab === 'search' ? (
          <SearchTab />
        ) : (
          <AnalysisTab />
        )}
      </div>
      <Inspector />
    </div>
  );
}
