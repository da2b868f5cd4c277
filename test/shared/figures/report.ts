/**
 * `npm run figures`: the figure parser's precision and recall on the table of real cases, and
 * every figure it misses or finds in excess, for reviewing the parser.
 */
import { describeFigure, loadFigureCases, scoreFigureTable } from './figure-table';

const score = scoreFigureTable(loadFigureCases());
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

console.log(
  `${score.cases} cases, ${score.expected} figures expected, ${score.found} found, ${score.correct} correct`,
);
console.log(`precision ${percent(score.precision)}, recall ${percent(score.recall)}`);
for (const miss of score.misses) {
  const found = miss.found ? `found ${describeFigure({ ...miss.found, ...miss.found.value })}` : 'not found';
  console.log(
    `\nmissed ${describeFigure(miss.expected)}: ${found}\n  ${miss.case.file}: ${miss.case.passage}`,
  );
}
for (const extra of score.extras) {
  console.log(
    `\nextra ${describeFigure({ ...extra.found, ...extra.found.value })}\n  ${extra.case.file}: ${extra.case.passage}`,
  );
}
