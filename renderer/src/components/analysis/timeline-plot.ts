import type { Timeline } from '../../../../shared/api';
import type { Code } from '../../../../shared/model/codebook';
import type { ChartTheme } from '../charts/chart-theme';
import { Plot } from '../charts/plot-svg';

/** Dots on the lines while they can be told apart; past that many periods a line alone reads better. */
const DOTS_UP_TO = 60;

/**
 * The timeline as lines, one per code shown in its codebook colour, over every period from the
 * first date to the last (a period without annotations of a code is a 0 on its line).
 */
export function timelinePlot(
  timeline: Timeline,
  shown: Timeline['codes'],
  codebook: readonly Pick<Code, 'id' | 'color'>[],
  theme: ChartTheme,
  width: number,
) {
  const counts = new Map(timeline.cells.map((c) => [`${c.period} ${c.code}`, c.count]));
  const data = timeline.periods.flatMap((p) =>
    shown.map((c) => ({
      date: new Date(`${p.start}T00:00:00Z`),
      period: p.label,
      code: c.name,
      count: counts.get(`${p.start} ${c.id}`) ?? 0,
    })),
  );
  const colour = new Map(codebook.map((c) => [c.id, c.color]));
  const marks = [
    Plot.ruleY([0], { stroke: theme.muted }),
    Plot.lineY(data, { x: 'date', y: 'count', stroke: 'code', strokeWidth: 2 }),
    ...(timeline.periods.length <= DOTS_UP_TO
      ? [
          Plot.dot(data, {
            x: 'date',
            y: 'count',
            fill: 'code',
            r: 2.5,
            title: (d) => `${d.code}, ${d.period}: ${d.count}`,
          }),
        ]
      : []),
  ];
  return {
    width,
    height: 220,
    marginLeft: 36,
    x: { type: 'utc' as const, label: null, ticks: Math.max(2, Math.floor(width / 90)) },
    y: { grid: true, label: 'Annotations', nice: true, zero: true },
    color: {
      domain: shown.map((c) => c.name),
      range: shown.map((c) => colour.get(c.id) ?? theme.fg),
    },
    marks,
  };
}
