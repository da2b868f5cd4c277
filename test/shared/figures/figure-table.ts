import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFigures, type ParsedFigure } from '../../../shared/figures';
import type { FigureQualifier } from '../../../shared/model/vocabulary';
import { REPO } from '../../support/corpus';

/** One figure a reader expects in a case's passage (test/fixtures/figures/cases.json). */
export interface ExpectedFigure {
  text: string;
  min: number;
  max: number;
  unit?: string;
  currency?: string;
  qualifier: FigureQualifier;
}

export interface FigureCase {
  /** The source file, relative to the corpus. */
  file: string;
  /** A sentence of it, verbatim. */
  passage: string;
  figures: ExpectedFigure[];
}

export interface TableScore {
  cases: number;
  expected: number;
  found: number;
  correct: number;
  precision: number;
  recall: number;
  /** Expected figures not found as written, with what was found in their place, if anything. */
  misses: { case: FigureCase; expected: ExpectedFigure; found?: ParsedFigure }[];
  /** Figures found that no reader expects. */
  extras: { case: FigureCase; found: ParsedFigure }[];
}

export function loadFigureCases(): FigureCase[] {
  const path = join(REPO, 'test/fixtures/figures/cases.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { cases: FigureCase[] }).cases;
}

/**
 * Runs findFigures over every passage. A found figure is correct when its span text, min, max,
 * unit, currency and qualifier all match an expected one; each expected figure matches once.
 */
export function scoreFigureTable(cases: readonly FigureCase[]): TableScore {
  const score: TableScore = {
    cases: cases.length,
    expected: 0,
    found: 0,
    correct: 0,
    precision: 0,
    recall: 0,
    misses: [],
    extras: [],
  };
  for (const figureCase of cases) {
    const found = findFigures(figureCase.passage);
    score.expected += figureCase.figures.length;
    score.found += found.length;
    const unmatched = new Set(found);
    for (const expected of figureCase.figures) {
      const hit = [...unmatched].find((figure) => sameFigure(figure, expected));
      if (hit) {
        unmatched.delete(hit);
        score.correct++;
      } else {
        const near = [...unmatched].find((figure) => overlaps(figure, figureCase.passage, expected));
        if (near) unmatched.delete(near);
        score.misses.push({ case: figureCase, expected, ...(near ? { found: near } : {}) });
      }
    }
    for (const figure of unmatched) score.extras.push({ case: figureCase, found: figure });
  }
  score.precision = score.found === 0 ? 1 : score.correct / score.found;
  score.recall = score.expected === 0 ? 1 : score.correct / score.expected;
  return score;
}

function sameFigure(found: ParsedFigure, expected: ExpectedFigure): boolean {
  const { value } = found;
  return (
    found.text === expected.text &&
    close(value.min, expected.min) &&
    close(value.max, expected.max) &&
    value.unit === expected.unit &&
    value.currency === expected.currency &&
    value.qualifier === expected.qualifier
  );
}

/** Hand-written shares such as 33.3333 are compared to six significant digits. */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

function overlaps(found: ParsedFigure, passage: string, expected: ExpectedFigure): boolean {
  const start = passage.indexOf(expected.text);
  return start >= 0 && found.start < start + expected.text.length && start < found.end;
}

/** A figure as one line: `"$ 15-30 billion" 15000000000–30000000000 USD (exactly)`. */
export function describeFigure(figure: { text: string } & Omit<ExpectedFigure, 'text'>): string {
  const range = figure.min === figure.max ? `${figure.min}` : `${figure.min}–${figure.max}`;
  const what = [figure.currency, figure.unit].filter(Boolean).join(' ');
  return `“${figure.text}” ${range}${what ? ` ${what}` : ''} (${figure.qualifier})`;
}
