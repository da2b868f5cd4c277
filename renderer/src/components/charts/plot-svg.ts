import * as Plot from '@observablehq/plot';
import type { ChartTheme } from './chart-theme';

/**
 * Draws a Plot figure as an <svg>, in the theme's colours. Plot puts a <style> element into every
 * figure; the page's content security policy refuses inline style elements, so it is taken out
 * before the figure reaches the page, and charts.css does its work. Inline `style` values Plot
 * sets go through the CSSOM, which the policy allows.
 */
export function plotSvg(options: Plot.PlotOptions, theme: ChartTheme): SVGSVGElement {
  const figure = Plot.plot({
    ...options,
    className: 'gloss-plot',
    style: { color: theme.fg, background: 'transparent', fontFamily: theme.fontFamily, fontSize: '11px' },
  });
  const svg = figure instanceof SVGSVGElement ? figure : figure.querySelector('svg');
  if (!svg) throw new Error('Plot made no <svg>: a chart must not ask for a legend outside it');
  for (const style of svg.querySelectorAll('style')) style.remove();
  return svg;
}

export { Plot };
