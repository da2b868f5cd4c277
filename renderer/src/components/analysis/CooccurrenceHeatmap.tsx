import { useCallback, useMemo } from 'react';
import type { CooccurrenceMatrix } from '../../../../shared/api';
import { ChartFigure } from '../charts/ChartFigure';
import { ChartTable } from '../charts/ChartTable';
import type { ChartTheme } from '../charts/chart-theme';
import { Plot } from '../charts/plot-svg';

/** Height of a stakeholder's row, in pixels. */
const ROW = 24;

/**
 * The stakeholder × concern matrix as a heat map: a cell per stakeholder and concern, darker in
 * the app's accent the more passages it counts, with its number written in it.
 */
export function CooccurrenceHeatmap({ matrix }: { matrix: CooccurrenceMatrix }) {
  const cells = useMemo(() => {
    const names = new Map(matrix.stakeholders.map((s) => [s.id, s.name]));
    const codes = new Map(matrix.codes.map((c) => [c.id, c.name]));
    const counts = new Map(matrix.cells.map((c) => [`${c.stakeholderId} ${c.code}`, c.count]));
    return matrix.stakeholders.flatMap((s) =>
      matrix.codes.map((c) => ({
        stakeholder: names.get(s.id) ?? s.id,
        code: codes.get(c.id) ?? c.id,
        count: counts.get(`${s.id} ${c.id}`) ?? 0,
      })),
    );
  }, [matrix]);
  const plot = useCallback(
    (theme: ChartTheme, width: number) => {
      const most = Math.max(1, ...cells.map((c) => c.count));
      const longest = Math.max(...matrix.stakeholders.map((s) => s.name.length), 4);
      // Code names are written slanted below the cells: room for the longest, at half its length.
      const longestCode = Math.max(...matrix.codes.map((c) => c.name.length), 4);
      return {
        width,
        height: matrix.stakeholders.length * ROW + 10 + 16 + longestCode * 3.5,
        marginTop: 10,
        marginLeft: Math.min(8 + longest * 6.5, width / 2),
        marginBottom: 16 + longestCode * 3.5,
        x: { label: null, domain: matrix.codes.map((c) => c.name), tickRotate: -30 },
        y: { label: null, domain: matrix.stakeholders.map((s) => s.name) },
        color: { type: 'linear' as const, domain: [0, most], range: [theme.bg, theme.accent] },
        marks: [
          Plot.cell(cells, { x: 'code', y: 'stakeholder', fill: 'count', stroke: theme.border, inset: 0.5 }),
          Plot.text(cells, {
            x: 'code',
            y: 'stakeholder',
            text: (c: (typeof cells)[number]) => String(c.count),
            fill: (c: (typeof cells)[number]) => (c.count > most / 2 ? theme.accentFg : theme.fg),
          }),
        ],
      };
    },
    [cells, matrix],
  );
  return (
    <ChartFigure
      label={`Concern passages near each stakeholder, by ${matrix.by}, as a heat map`}
      plot={plot}
      name={`stakeholders-concerns-heatmap-by-${matrix.by}`}
      table={
        <ChartTable
          caption="The heat map's numbers"
          columns={['Stakeholder', ...matrix.codes.map((c) => c.name)]}
          rows={matrix.stakeholders.map((s, row) => ({
            key: s.id,
            cells: [
              s.name,
              ...matrix.codes.map((_, column) => cells[row * matrix.codes.length + column]!.count),
            ],
          }))}
        />
      }
    />
  );
}
