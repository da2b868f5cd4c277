import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { downloadBlob, downloadText } from '../download-text';
import { type ChartTheme, useChartTheme } from './chart-theme';
import { type Plot, plotSvg } from './plot-svg';
import { standaloneSvg, svgToPng } from './svg-export';
import './charts.css';

/** Width a chart is drawn at before its box has been measured, and the least it is drawn at. */
const MIN_WIDTH = 240;

/**
 * A chart with its numbers: the figure drawn by Observable Plot in the app's theme (drawn again
 * when the theme or the width changes), its table behind a disclosure that a keyboard and a
 * screen reader reach, and Export SVG and PNG (and CSV, unless the view exports its numbers). `plot` says what to draw for a theme and
 * width; `name` is the exported files' name without extension.
 */
export function ChartFigure({
  label,
  plot,
  table,
  csv,
  name,
}: {
  /** What the chart shows, in words: its accessible name and the table's disclosure. */
  label: string;
  plot(theme: ChartTheme, width: number): Plot.PlotOptions;
  table: ReactNode;
  /** The numbers as CSV; left out where the view around the chart exports them already. */
  csv?(): string;
  name: string;
}) {
  const theme = useChartTheme();
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [tableOpen, setTableOpen] = useState(false);
  const descriptionId = useId();

  useEffect(() => {
    const element = box.current;
    // Where boxes are not measured (a page without layout), the chart keeps its least width.
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let svg: SVGSVGElement;
    try {
      svg = plotSvg(plot(theme, Math.max(width || MIN_WIDTH, MIN_WIDTH)), theme);
    } catch (error) {
      setProblem((error as Error).message);
      return;
    }
    setProblem(null);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
    svg.setAttribute('aria-describedby', descriptionId);
    element.replaceChildren(svg);
  }, [plot, theme, width, label, descriptionId]);

  const currentSvg = () => box.current?.querySelector('svg') ?? null;
  const exportSvg = () => {
    const svg = currentSvg();
    if (svg) downloadText(`${name}.svg`, standaloneSvg(svg, theme.bg), 'image/svg+xml');
  };
  const exportPng = async () => {
    const svg = currentSvg();
    if (!svg) return;
    try {
      const { width: w, height: h } = svg.getBoundingClientRect();
      downloadBlob(`${name}.png`, await svgToPng(standaloneSvg(svg, theme.bg), w, h, 2));
    } catch (error) {
      setProblem(`The PNG could not be made: ${(error as Error).message}`);
    }
  };

  return (
    <figure className="chart-figure">
      <div className="chart-box" ref={box} data-theme-drawn={theme.scheme} />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <figcaption className="chart-caption" id={descriptionId}>
        {label}; the numbers are in the table below.
      </figcaption>
      {/* The table is made when opened: a closed one adds nothing for anyone to stumble on. */}
      <details className="chart-table" onToggle={(e) => setTableOpen(e.currentTarget.open)}>
        <summary>Show the table</summary>
        {tableOpen && table}
      </details>
      <div className="analysis-actions chart-exports">
        {csv && (
          <button
            type="button"
            className="button"
            onClick={() => downloadText(`${name}.csv`, csv(), 'text/csv;charset=utf-8')}
          >
            Export CSV
          </button>
        )}
        <button type="button" className="button" onClick={exportSvg}>
          Export SVG
        </button>
        <button type="button" className="button" onClick={() => void exportPng()}>
          Export PNG
        </button>
      </div>
    </figure>
  );
}
