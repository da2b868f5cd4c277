import { useStore } from '../../store/context';
import type { SidePanelTab } from '../../store/ui-slice';
import { CurationTab } from '../curation/CurationTab';
import { Tabs } from '../Tabs';
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
  { id: 'curation', label: 'Curation' },
];

/**
 * The right-hand pane: the codebook, the open document's annotations, suggestions, the
 * stakeholder register, corpus search, the analyses and curation as tabs, and below them the
 * inspector of the selected annotation.
 */
export function SidePanel() {
  const tab = useStore((s) => s.sidePanelTab);
  const orphanCount = useStore((s) => s.reader.document?.orphans.length ?? 0);
  const setTab = useStore((s) => s.setSidePanelTab);
  const tabs = TABS.map((t) => ({
    id: t.id,
    label:
      t.id === 'annotations' && orphanCount > 0 ? (
        <>
          {t.label}
          <span className="tab-badge" title="Annotations not found in the changed article">
            <span aria-hidden="true"> ⚠</span> {orphanCount}
            <span className="visually-hidden"> not found in the changed article</span>
          </span>
        </>
      ) : (
        t.label
      ),
  }));

  return (
    <div className="side-panel">
      <Tabs label="Side panel views" tabs={tabs} current={tab} onChange={setTab} look="side">
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
        ) : tab === 'analysis' ? (
          <AnalysisTab />
        ) : (
          <CurationTab />
        )}
      </Tabs>
      <Inspector />
    </div>
  );
}
