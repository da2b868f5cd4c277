import { describe, expect, it } from 'vitest';
import { spans } from './find-one';

describe('numbers that are not figures', () => {
  it.each([
    ['years', 'It was founded in 1998 and sold in 2019.'],
    ['dates', 'The vote is on 5 May, and the count on May 5, 2020, or the 14th of March.'],
    ['ordinals', 'He came 1st, then 2nd, then third.'],
    ['times of day', 'It opens at 10:30, shuts at 3pm, and reopens at 10.30 or 8 am.'],
    ['references', 'See p. 12, page 4, No 10, Article 52 and note [3].'],
    ['phone numbers', 'Call 0800 123 4567 now.'],
    ['version numbers', 'Upgrade to version 4.7.1 or v2.0 of Windows 95.'],
    ['scores', 'They won 3-1, then 5-4, then 6-1 6-2.'],
    ['names', 'Air Force One, Channel 4, the FTSE 100, Euro 2004 and G8 talks.'],
    ['ages', 'The 25-year-old was aged 25.'],
    ['athletics distances', 'She won the 100m and the 60m hurdles and the 50K Walk.'],
    ['decades', 'In the 1990s and his early 20s.'],
    ['scraped debris', '& # 39; bizarre & # 39;'],
  ])('%s', (_family, text) => {
    expect(spans(text)).toEqual([]);
  });

  it('still reads the figures beside them', () => {
    expect(spans('In 2004 500 people lost $5m on 5 May at 3pm.')).toEqual(['500 people', '$5m']);
    expect(spans('The 2004 elections cost £5m.')).toEqual(['£5m']);
  });

  it('reads millions, not metres, when the "m" is money or counts something', () => {
    expect(spans('It paid $100m for 100m shares.')).toEqual(['$100m', '100m shares']);
  });
});
