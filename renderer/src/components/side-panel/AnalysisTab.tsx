import { useEffect, useId } from 'react';
import { COOCCURRENCE_RULES, type CooccurrenceRule } from '../../../../shared/analysis/cooccurrence';
import { cooccurrenceCsv, namedCooccurrences } from '../../../../shared/analysis/cooccurrence-report';
import { ANALYSIS_VIEWS, type AnalysisView } from '../../store/analysis-views-slice';
import { useStore } from '../../store/context';
import { AgreementView } from '../analysis/AgreementView';
import { CodingQueryView } from '../analysis/CodingQueryView';
import { CooccurrenceHeatmap } from '../analysis/CooccurrenceHeatmap';
import { FiguresView } from '../analysis/FiguresView';
import { FrequenciesView } from '../analysis/FrequenciesView';
import { TimelineView } from '../analysis/TimelineView';
import { WhoseWork } from '../analysis/WhoseWork';
import { downloadText } from '../download-text';
import { Tabs } from '../Tabs';
import { CellPassages } from './CellPassages';
import { CooccurrenceTable } from './CooccurrenceTable';
import { RULE_CHOICES, RULE_SENTENCES } from './cooccurrence-words';
import './AnalysisTab.css';
import '../analysis/analysis-views.css';

const VIEW_LABELS: Record<AnalysisView, string> = {
  matrix: 'Matrix',
  query: 'Coding query',
  frequencies: 'Frequencies',
  figures: 'Figures',
  timeline: 'Timeline',
  agreement: 'Agreement',
};
const VIEWS = ANALYSIS_VIEWS.map((id) => ({ id, label: VIEW_LABELS[id] }));

/** The analyses of the whole project, one view at a time: each counts when first shown and on its Refresh. */
export function AnalysisTab() {
  const view = useStore((s) => s.analysisView);
  const setView = useStore((s) => s.setAnalysisView);
  return (
    <div className="analysis-tab">
      <Tabs label="Analysis views" tabs={VIEWS} current={view} onChange={setView} look="view">
        {view === 'query' ? (
          <CodingQueryView />
        ) : view === 'frequencies' ? (
          <FrequenciesView />
        ) : view === 'figures' ? (
          <FiguresView />
        ) : view === 'timeline' ? (
          <TimelineView />
        ) : view === 'agreement' ? (
          <AgreementView />
        ) : (
          <MatrixView />
        )}
      </Tabs>
    </div>
  );
}

/**
 * The stakeholder × concern matrix of the whole project: how many concern passages are near each
 * register stakeholder's mentions, by the rule chosen; a number opens to the passages behind it,
 * and each passage to its place in its article.
 */
function MatrixView() {
  const result = useStore((s) => s.analysis.result);
  const loading = useStore((s) => s.analysis.loading);
  const error = useStore((s) => s.analysis.error);
  const refresh = useStore((s) => s.refreshAnalysis);
  const ruleId = useId();
  const passagesId = useId();

  // Counted once when first shown; after that only when asked, since it reads every document.
  useEffect(() => {
    if (!result && !loading && !error) void refresh();
  }, [result, loading, error, refresh]);

  return (
    <div className="analysis-view">
      <AnalysisControls />
      <p className="analysis-status" role="status">
        {loading ? 'Counting…' : ''}
      </p>
      {error && (
        <p className="field-error analysis-error" role="alert">
          The matrix could not be counted: {error.message}
        </p>
      )}
      {result &&
        (result.matrix.cells.length === 0 ? (
          <div className="analysis-empty">
            <p>Nothing to count yet.</p>
            <p>
              A concern passage is counted near a stakeholder once a mention close to it names a stakeholder
              of the register: tag the mention, link it to the register in the inspector, then Refresh.
            </p>
          </div>
        ) : (
          <>
            <CooccurrenceTable matrix={result.matrix} describedBy={ruleId} passagesId={passagesId} />
            <p id={ruleId} className="analysis-rule">
              {RULE_SENTENCES[result.matrix.by]}, each passage counted once per stakeholder;{' '}
              {result.annotator ? `${result.annotator}’s work only.` : 'every annotator’s work.'}
            </p>
            <CooccurrenceHeatmap matrix={result.matrix} />
            <CellPassages matrix={result.matrix} id={passagesId} />
          </>
        ))}
    </div>
  );
}

function AnalysisControls() {
  const rule = useStore((s) => s.analysis.rule);
  const annotator = useStore((s) => s.analysis.annotator);
  const authorsSeen = useStore((s) => s.analysis.authorsSeen);
  const loading = useStore((s) => s.analysis.loading);
  const result = useStore((s) => s.analysis.result);
  const setRule = useStore((s) => s.setAnalysisRule);
  const setAnnotator = useStore((s) => s.setAnalysisAnnotator);
  const refresh = useStore((s) => s.refreshAnalysis);

  const exportCsv = () => {
    if (!result) return;
    const name = `stakeholders-concerns-by-${result.matrix.by}${result.annotator ? `-${result.annotator}` : ''}.csv`;
    downloadText(name, cooccurrenceCsv(namedCooccurrences(result.matrix)), 'text/csv;charset=utf-8');
  };

  return (
    <div className="analysis-controls">
      <label className="sp-field">
        Count concerns near a stakeholder by
        <select value={rule} onChange={(event) => void setRule(event.target.value as CooccurrenceRule)}>
          {COOCCURRENCE_RULES.map((r) => (
            <option key={r} value={r}>
              {RULE_CHOICES[r]}
            </option>
          ))}
        </select>
      </label>
      <WhoseWork annotator={annotator} authors={authorsSeen} onChange={(name) => void setAnnotator(name)} />
      <div className="analysis-actions">
        <button type="button" className="button" disabled={loading} onClick={() => void refresh()}>
          Refresh
        </button>
        <button
          type="button"
          className="button"
          disabled={!result || result.matrix.cells.length === 0}
          onClick={exportCsv}
        >
          Export CSV
        </button>
      </div>
    </div>
  );
}
