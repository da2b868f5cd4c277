import { describe, expect, it } from 'vitest';
import { findFigures } from '../../../shared/figures';
import { onlyFigure, spans } from './find-one';

describe('counts and their units', () => {
  it.each([
    ['It employs 3,000 people.', '3,000 people', 'people'],
    ['It has 10 million mobile phone users.', '10 million mobile phone users', 'users'],
    ['It will cut 71,000 civil service jobs.', '71,000 civil service jobs', 'jobs'],
    ['It has 5m users.', '5m users', 'users'],
    ['He won three titles.', 'three titles', 'titles'],
    ['It is creating 300 full-time jobs.', '300 full-time jobs', 'jobs'],
    ['It stops 400,000 home-buyers.', '400,000 home-buyers', 'home-buyers'],
    ['They sent 2,000 British troops.', '2,000 British troops', 'troops'],
    ['China will add 178 million new PCs.', '178 million new PCs', 'PCs'],
    ['Millions of Americans use it.', 'Millions of Americans', 'Americans'],
    ['It won 1,200 votes.', '1,200 votes', 'votes'],
    ['It has a 7.2MB file.', '7.2MB', 'MB'],
    ['It came off at 115 mph.', '115 mph', 'mph'],
  ])('reads %j', (text, span, unit) => {
    const figure = onlyFigure(text);
    expect(figure.text).toBe(span);
    expect(figure.value.unit).toBe(unit);
  });

  it('gives a count without a noun the unit of the count before it in its sentence', () => {
    const [world, us] = findFigures(
      'TikTok has approximately half a billion active users worldwide – and approximately 80 million in the United States.',
    );
    expect(world).toMatchObject({ text: 'half a billion active users', value: { unit: 'users' } });
    expect(us).toMatchObject({
      text: '80 million',
      value: { min: 8e7, unit: 'users', qualifier: 'approximately' },
    });
  });

  it('passes no unit from one sentence to the next, nor from money', () => {
    expect(findFigures('It has 5 million users. It sold 2 million.')[1]?.value.unit).toBeUndefined();
    expect(findFigures('It made $5m and sold 2 million.')[1]?.value.unit).toBeUndefined();
  });

  it('takes no unit from a word that is not a plural noun', () => {
    expect(onlyFigure('Sales reached 80 million in the US.').value.unit).toBeUndefined();
    expect(onlyFigure('It sold 5 million last year.').value.unit).toBeUndefined();
  });

  it('reads a bare integer as no figure, but grouped and decimal digits as one', () => {
    expect(spans('He is aged 25 and scored 3 in the 12 and 11 games.')).toEqual(['11 games']);
    expect(onlyFigure('The number rose to 1,500.').value).toEqual({
      min: 1500,
      max: 1500,
      qualifier: 'exactly',
    });
    expect(onlyFigure('The index fell to 95.5 in May.').value.min).toBe(95.5);
  });
});
