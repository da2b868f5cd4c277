/**
 * The figure parser: numbers with meaning in English news text, normalised to a FigureValue.
 * Pure and bundle-friendly (no zod, no Node), so the renderer can prefill the figure editor.
 */
export { findFigures, type ParsedFigure, parseFigure } from './find-figures';
