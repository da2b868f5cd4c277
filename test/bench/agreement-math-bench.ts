/**
 * Krippendorff's unitizing alpha on a large continuum: 50,000,000 positions, two raters, 220,000
 * segments in 10 categories (target: well under 2 s for all categories). The second rater
 * follows the first with shifted boundaries, a different code now and then, segments dropped
 * and segments of its own, so units overlap as real annotations do. Also times the coding
 * measures over a million-character table. `node --import tsx test/bench/agreement-math-bench.ts`
 */
import { pathToFileURL } from 'node:url';
import { cohenKappa } from '../../shared/agreement/cohen-kappa';
import { fleissKappa } from '../../shared/agreement/fleiss-kappa';
import { krippendorffAlphaNominal } from '../../shared/agreement/krippendorff-alpha';
import {
  type UnitizingSegment,
  unitizingAlpha,
  unitizingAlphaByCategory,
} from '../../shared/agreement/unitizing-alpha';
import { SeededRandom } from '../support/seeded-random';
import { row } from './report';

const LENGTH = 50_000_000;
const SEGMENTS = 220_000;
const CATEGORIES = Array.from({ length: 10 }, (_, i) => `code ${i + 1}`);

function twoRaters(random: SeededRandom): UnitizingSegment[] {
  const first: UnitizingSegment[] = [];
  for (let i = 0; i < SEGMENTS / 2; i++) {
    const start = random.int(0, LENGTH - 500);
    first.push({ rater: 0, category: random.pick(CATEGORIES), start, end: start + random.int(5, 400) });
  }
  const second: UnitizingSegment[] = [];
  for (const s of first) {
    if (random.chance(0.05)) continue;
    const start = Math.max(0, s.start + (random.chance(0.6) ? 0 : random.int(-20, 20)));
    const end = Math.min(LENGTH, Math.max(start + 1, s.end + (random.chance(0.6) ? 0 : random.int(-20, 20))));
    const category = random.chance(0.1) ? random.pick(CATEGORIES) : s.category;
    second.push({ rater: 1, category, start, end });
  }
  while (second.length < SEGMENTS / 2) {
    const start = random.int(0, LENGTH - 500);
    second.push({ rater: 1, category: random.pick(CATEGORIES), start, end: start + random.int(5, 400) });
  }
  return [...first, ...second];
}

function time<T>(run: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = run();
  return { ms: performance.now() - t, value };
}

export function benchAgreementMath(): void {
  const random = new SeededRandom(5);
  const continuum = { length: LENGTH, raters: 2, segments: twoRaters(random) };
  console.log(
    `Agreement measures: unitizing alpha over ${LENGTH.toLocaleString('en')} positions, ` +
      `${continuum.segments.length.toLocaleString('en')} segments of 2 raters, ${CATEGORIES.length} categories`,
  );
  const first = time(() => unitizingAlpha(continuum));
  row(
    `alpha_u, all categories, first call (α = ${first.value.toFixed(4)})`,
    first.ms,
    undefined,
    'target < 2 s',
  );
  const runs = Array.from({ length: 5 }, () => time(() => unitizingAlpha(continuum)).ms).sort(
    (a, b) => a - b,
  );
  row('alpha_u, all categories, median of 5', runs[2]!, undefined, 'target < 2 s');
  const each = time(() => CATEGORIES.map((c) => unitizingAlpha(continuum, c)));
  row(`alpha_u of each category, ${CATEGORIES.length} calls`, each.ms);
  row('alpha_u of each category and overall, one call', time(() => unitizingAlphaByCategory(continuum)).ms);

  // The coding measures over one unit per character of a 1,000,000-character text, each unit
  // given on its own (times 1): the worst case, since identical units folded into one with
  // `times` leave a few hundred rows.
  const units = Array.from({ length: 1_000_000 }, () => {
    const counts = new Array<number>(CATEGORIES.length + 1).fill(0);
    counts[random.int(0, CATEGORIES.length)]!++;
    counts[random.chance(0.8) ? counts.indexOf(1) : random.int(0, CATEGORIES.length)]!++;
    return { counts, times: 1 };
  });
  row('Krippendorff’s alpha, 1,000,000 units of 2 values', time(() => krippendorffAlphaNominal(units)).ms);
  row('Fleiss’ kappa, 1,000,000 units of 2 raters', time(() => fleissKappa(units)).ms);
  const table = Array.from({ length: 11 }, () => Array.from({ length: 11 }, () => random.int(0, 1000)));
  row('Cohen’s kappa, 11 × 11 table', time(() => cohenKappa(table)).ms);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) benchAgreementMath();
