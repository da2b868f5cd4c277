import { useCallback, useMemo } from 'react';
import { TIMELINE_INTERVALS, type TimelineInterval } from '../../../../shared/analysis/timeline-periods';
import { namedTimeline, timelineCsv } from '../../../../shared/analysis/timeline-report';
import type { Timeline } from '../../../../shared/api';
import { useStore } from '../../store/context';
import { ChartFigure } from '../charts/ChartFigure';
import { ChartTable } from '../charts/ChartTable';
import type { ChartTheme } from '../charts/chart-theme';
import { TimelineCodes, TOP_CODES } from './TimelineCodes';
import { timelinePlot } from './timeline-plot';
import { ViewHeader } from './ViewHeader';
import { WhoseWork } from './WhoseWork';
import './TimelineView.css';

const INTERVAL_WORDS: Record<TimelineInterval, { choice: string; per: string }> = {
  day: { choice: 'Day', per: 'day' },
  week: { choice: 'Week (Monday to Sunday)', per: 'week' },
  month: { choice: 'Month', per: 'month' },
  year: { choice: 'Year', per: 'year' },
};

/**
 * Annotations per code over the documents' dates (the date a researcher set on a document, else
 * its page's publication day), per day, week, month or year; the documents without a date are
 * counted and said apart. Counted when first shown, when a choice changes, and on Refresh.
 */
export function TimelineView() {
  const fetched = useStore((s) => s.timeline);
  const refresh = useStore((s) => s.refreshTimeline);
  const timeline = fetched.answer;
  return (
    <div className="analysis-view timeline-view">
      <TimelineControls authors={timeline?.authors ?? []} />
      {/* The chart below exports the numbers and the picture. */}
      <ViewHeader what="The timeline" fetched={fetched} refresh={refresh} exports={[]} />
      {timeline && <TimelineResult timeline={timeline} annotator={fetched.asked?.annotator ?? null} />}
    </div>
  );
}

function TimelineControls({ authors }: { authors: readonly string[] }) {
  const choice = useStore((s) => s.timelineChoice);
  const setChoice = useStore((s) => s.setTimelineChoice);
  return (
    <div className="analysis-controls">
      <label className="sp-field">
        Count annotations per
        <select
          value={choice.interval}
          onChange={(e) => void setChoice({ interval: e.target.value as TimelineInterval })}
        >
          {TIMELINE_INTERVALS.map((interval) => (
            <option key={interval} value={interval}>
              {INTERVAL_WORDS[interval].choice}
            </option>
          ))}
        </select>
      </label>
      <WhoseWork
        annotator={choice.annotator}
        authors={authors}
        onChange={(annotator) => void setChoice({ annotator })}
      />
    </div>
  );
}

/** The codes drawn: those chosen, else the ones with the most annotations. */
export function useShownCodes(timeline: Timeline): Timeline['codes'] {
  const chosen = useStore((s) => s.timelineCodes);
  return useMemo(() => {
    if (chosen) return timeline.codes.filter((c) => chosen.includes(c.id));
    const top = [...timeline.codes].sort((a, b) => b.total - a.total).slice(0, TOP_CODES);
    return timeline.codes.filter((c) => top.includes(c));
  }, [timeline, chosen]);
}

function TimelineResult({ timeline, annotator }: { timeline: Timeline; annotator: string | null }) {
  const shown = useShownCodes(timeline);
  const codebook = useStore((s) => s.project?.codebook.codes);
  const per = INTERVAL_WORDS[timeline.interval].per;
  const plot = useCallback(
    (theme: ChartTheme, width: number) => timelinePlot(timeline, shown, codebook ?? [], theme, width),
    [timeline, shown, codebook],
  );
  if (timeline.codes.length === 0) {
    return (
      <div className="analysis-empty">
        <p>Nothing to count yet.</p>
        <p>Tag passages in the articles, then Refresh.</p>
      </div>
    );
  }
  return (
    <>
      <TimelineCodes timeline={timeline} shown={shown} />
      {timeline.periods.length === 0 ? (
        <p className="analysis-empty">No annotated document has a date yet, so there is no line to draw.</p>
      ) : (
        <ChartFigure
          label={`Annotations per ${per} of the documents’ dates, ${shown.map((c) => c.name).join(', ') || 'no code chosen'}${annotator ? `, ${annotator}’s work` : ''}`}
          plot={plot}
          table={
            <TimelineTable timeline={timeline} shown={shown} caption={`Annotations per code and ${per}`} />
          }
          csv={() => timelineCsv(namedTimeline(timeline))}
          name={`timeline-by-${timeline.interval}${annotator ? `-${annotator}` : ''}`}
        />
      )}
      <UndatedNote timeline={timeline} />
    </>
  );
}

function UndatedNote({ timeline }: { timeline: Timeline }) {
  const { undated, dated } = timeline;
  const documents = (n: number) => `${n} document${n === 1 ? '' : 's'}`;
  return (
    <p className="analysis-rule timeline-undated">
      {dated.annotations} annotations in {documents(dated.documents)} with a date are on the timeline.{' '}
      {undated.documents === 0
        ? 'Every annotated document has a date.'
        : `${undated.annotations} annotations in ${documents(undated.documents)} without a date are not: set a document's date beside its note, in the Annotations tab.`}
    </p>
  );
}

/** The numbers behind the chart: a row per period with any annotation of the codes shown. */
export function TimelineTable({
  timeline,
  shown,
  caption,
}: {
  timeline: Timeline;
  shown: Timeline['codes'];
  caption: string;
}) {
  const rows = useMemo(() => {
    const counts = new Map(timeline.cells.map((c) => [`${c.period} ${c.code}`, c.count]));
    return timeline.periods
      .map((p) => ({ ...p, counts: shown.map((c) => counts.get(`${p.start} ${c.id}`) ?? 0) }))
      .filter((row) => row.counts.some((n) => n > 0));
  }, [timeline, shown]);
  return (
    <ChartTable
      caption={caption}
      columns={['Period', ...shown.map((c) => c.name)]}
      rows={[
        ...rows.map((row) => ({ key: row.start, cells: [row.label, ...row.counts] })),
        ...(timeline.undated.documents > 0
          ? [
              {
                key: 'undated',
                cells: ['No date', ...shown.map((c) => timeline.undated.counts[c.id] ?? 0)],
                className: 'timeline-undated-row',
              },
            ]
          : []),
      ]}
    />
  );
}
