/**
 * Krippendorff's alpha_u the slow, literal way, as DKPro Agreement's
 * KrippendorffAlphaUnitizingAgreement defines it (read to follow its definition, written anew):
 * each rater's coding of a category laid out as sections (units and the gaps between them), δ
 * summed over every pair of sections of every pair of raters, and the expected disagreement
 * summed unit by unit over every gap. Quadratic; for checking unitizingAlpha on small continua
 * whose segments of one rater and category do not overlap (as DKPro requires).
 */
import type { UnitizingContinuum } from '../../../shared/agreement/unitizing-alpha';

interface Section {
  start: number;
  length: number;
  /** A unit of the category, or a gap. */
  coded: boolean;
}

/** One rater's sections of a category, covering [0, length) in order. */
function sections(continuum: UnitizingContinuum, rater: number, category: string): Section[] {
  const units = continuum.segments
    .filter((s) => s.rater === rater && s.category === category && s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const out: Section[] = [];
  let at = 0;
  for (const unit of units) {
    if (unit.start > at) out.push({ start: at, length: unit.start - at, coded: false });
    out.push({ start: unit.start, length: unit.end - unit.start, coded: true });
    at = unit.end;
  }
  if (at < continuum.length) out.push({ start: at, length: continuum.length - at, coded: false });
  return out;
}

/** Krippendorff's δ between two sections, in DKPro's terms (begin difference, length difference). */
export function sectionDistance(g: Section, h: Section): number {
  const beginDiff = g.start - h.start;
  const lengthDiff = g.length - h.length;
  if (g.coded && h.coded && -g.length < beginDiff && beginDiff < h.length) {
    return beginDiff ** 2 + (beginDiff + lengthDiff) ** 2;
  }
  if (g.coded && !h.coded && -lengthDiff >= beginDiff && beginDiff >= 0) return g.length ** 2;
  if (!g.coded && h.coded && -lengthDiff <= beginDiff && beginDiff <= 0) return h.length ** 2;
  return 0;
}

export function observedByHand(continuum: UnitizingContinuum, category: string): number {
  const { raters: m, length: L } = continuum;
  let sum = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      for (const g of sections(continuum, i, category)) {
        for (const h of sections(continuum, j, category)) sum += sectionDistance(g, h);
      }
    }
  }
  return (2 * sum) / (m * (m - 1) * L * L);
}

export function expectedByHand(continuum: UnitizingContinuum, category: string): number {
  const { raters: m, length: L } = continuum;
  const all = Array.from({ length: m }, (_, r) => sections(continuum, r, category)).flat();
  const units = all.filter((s) => s.coded).map((s) => s.length);
  const gaps = all.filter((s) => !s.coded).map((s) => s.length);
  let sum = 0;
  for (const l of units) {
    sum += ((units.length - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3;
    for (const gap of gaps) if (gap >= l) sum += l * l * (gap - l + 1);
  }
  const squaredLengths = units.reduce((s, l) => s + l * (l - 1), 0);
  return ((2 / L) * sum) / (m * L * (m * L - 1) - squaredLengths);
}

/** alpha_u for one category or, without one, from the means over all categories; NaN for 0/0. */
export function unitizingAlphaByHand(continuum: UnitizingContinuum, category?: string): number {
  const categories =
    category !== undefined
      ? [category]
      : [...new Set(continuum.segments.filter((s) => s.end > s.start).map((s) => s.category))];
  let observed = 0;
  let expected = 0;
  for (const c of categories) {
    observed += observedByHand(continuum, c);
    expected += expectedByHand(continuum, c);
  }
  return expected === 0 || Number.isNaN(expected) ? Number.NaN : 1 - observed / expected;
}
