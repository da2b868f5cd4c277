import { expect } from 'vitest';
import { findFigures, type ParsedFigure } from '../../../shared/figures';

/** The one figure in `text`, failing the test when there is none or more than one. */
export function onlyFigure(text: string): ParsedFigure {
  const found = findFigures(text);
  expect(found.map((f) => f.text)).toHaveLength(1);
  return found[0] as ParsedFigure;
}

/** The span texts findFigures reads in `text`. */
export function spans(text: string): string[] {
  return findFigures(text).map((figure) => figure.text);
}
