import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../../support/corpus';
import { describeFigure, loadFigureCases, scoreFigureTable } from './figure-table';

const cases = loadFigureCases();

describe('the table of real cases (test/fixtures/figures/cases.json)', () => {
  it('has at least 150 cases, each verbatim from its corpus file, with negative cases among them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((c) => c.figures.length === 0).length).toBeGreaterThanOrEqual(30);
    for (const c of cases) {
      expect(readFileSync(join(CORPUS, c.file), 'utf8'), c.file).toContain(c.passage);
      for (const figure of c.figures) expect(c.passage).toContain(figure.text);
    }
  });

  it('is read with precision and recall of at least 0.95', () => {
    const score = scoreFigureTable(cases);
    console.log(
      `figure table: ${score.cases} cases, ${score.expected} figures; ` +
        `precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}\n` +
        score.misses.map((m) => `  missed ${describeFigure(m.expected)}`).join('\n'),
    );
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
  });
});
