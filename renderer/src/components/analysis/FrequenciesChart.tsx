import { useCallback, useMemo } from 'react';
import type { CodeFrequencies } from '../../../../shared/api';
import { useStore } from '../../store/context';
import { ChartFigure } from '../charts/ChartFigure';
import { ChartTable } from '../charts/ChartTable';
import type { ChartTheme } from '../charts/chart-theme';
import { Plot } from '../charts/plot-svg';

/** Height of one code's bar and its gap, in pixels. */
const BAR_STEP = 22;

/**
 * Annotations per code as bars, one per code that has no codes under it (a group's total is the
 * sum of its codes' bars), in the codebook's colours and order; groups name their codes' rows.
 */
export function FrequenciesChart({ f }: { f: CodeFrequencies }) {
  const codebook = useStore((s) => s.project?.codebook.codes);
  const rows = useMemo(() => {
    const parents = new Set(f.codes.map((c) => c.parentId));
    const names = new Map(f.codes.map((c) => [c.id, c.name]));
    return f.codes
      .filter((c) => !parents.has(c.id))
      .map((c) => ({ ...c, group: c.parentId ? (names.get(c.parentId) ?? '') : '' }));
  }, [f]);
  const plot = useCallback(
    (theme: ChartTheme, width: number) => {
      const colour = new Map(codebook?.map((c) => [c.id, c.color]));
      const longest = Math.max(...rows.map((r) => r.name.length), 4);
      return {
        width,
        height: rows.length * BAR_STEP + 40,
        marginLeft: Math.min(8 + longest * 6.5, width / 2),
        x: { grid: true, label: 'Annotations', nice: true },
        y: { label: null, domain: rows.map((r) => r.name) },
        marks: [
          Plot.barX(rows, {
            x: 'total',
            y: 'name',
            fill: (r: (typeof rows)[number]) => colour.get(r.id) ?? theme.fg,
            title: (r: (typeof rows)[number]) => `${r.name}: ${r.total} in ${r.documents} documents`,
          }),
          Plot.ruleX([0], { stroke: theme.muted }),
        ],
      };
    },
    [rows, codebook],
  );
  return (
    <ChartFigure
      label="Annotations per code"
      plot={plot}
      name="code-frequencies-chart"
      table={
        <ChartTable
          caption="Annotations per code, as the chart draws them"
          columns={['Code', 'Group', 'Annotations', 'Documents']}
          rows={rows.map((r) => ({ key: r.id, cells: [r.name, r.group, r.total, r.documents] }))}
        />
      }
    />
  );
}
