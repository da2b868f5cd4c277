import { describe, expect, it } from 'vitest';
import { onlyFigure } from './find-one';

describe('what a figure measures', () => {
  it.each([
    ["TikTok's US arm was valued at $ 15-30 billion.", 'valuation'],
    ['The offer values the club at £800m.', 'valuation'],
    ['Its revenue was $9bn.', 'revenue'],
    ['It made a net profit of $52m.', 'profit'],
    ['It posted a record loss of 68m euros.', 'loss'],
    ['It was fined €2m.', 'fine'],
    ['It will invest $1bn in Linux.', 'investment'],
    ['The console will cost £99.', 'price'],
    ['It has 5 million users.', 'users'],
    ['It has 5 million subscribers.', 'users'],
    ['It is creating thousands of jobs.', 'jobs'],
    ['It will cut 500 staff.', 'jobs'],
  ])('in %j: %s', (text, measures) => {
    expect(onlyFigure(text).value.measures).toBe(measures);
  });

  it('leaves it out when the words do not say', () => {
    expect(onlyFigure('He had $5m in a bag.').value.measures).toBeUndefined();
    expect(onlyFigure('5,000 workers went on strike.').value.measures).toBeUndefined();
  });

  it('takes the measure from the figure’s own sentence only', () => {
    expect(onlyFigure('It was valued highly. He had $5m.').value.measures).toBeUndefined();
  });
});
