import { describe, expect, it } from 'vitest';
import {
  dateThatWins,
  dayOfPublishedTime,
  dayProblem,
  documentDate,
} from '../../../shared/model/document-date';

describe('a document’s day', () => {
  it('is a day of the calendar written YYYY-MM-DD, and says what is wrong with one that is not', () => {
    for (const day of ['2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2005-04-30']) {
      expect(dayProblem(day)).toBeUndefined();
    }
    expect(dayProblem('2023-02-29')).toBe('2023-02 has no day 29: it has 28 days');
    expect(dayProblem('1900-02-29')).toBe('1900-02 has no day 29: it has 28 days');
    expect(dayProblem('2005-04-31')).toBe('2005-04 has no day 31: it has 30 days');
    expect(dayProblem('2005-13-01')).toBe('there is no month 13: months run 01 to 12');
    expect(dayProblem('0000-01-01')).toBe('the year starts at 0001');
    for (const text of ['2005-1-5', '05/01/2005', '2005-01-05T10:00', ' 2005-01-05', '', '２００５-01-05']) {
      expect(dayProblem(text)).toMatch(/is not a date written YYYY-MM-DD/);
    }
  });

  it('reads a page’s publication time as the day the page states, else the UTC day of a time it reads', () => {
    expect(dayOfPublishedTime('2004-12-31T23:30:00-05:00')).toBe('2004-12-31');
    expect(dayOfPublishedTime('2015-07-10 09:53:00 -0400')).toBe('2015-07-10');
    expect(dayOfPublishedTime('2019-10-18T17:23:34.816Z')).toBe('2019-10-18');
    expect(dayOfPublishedTime('2015-04-30')).toBe('2015-04-30');
    expect(dayOfPublishedTime('Fri, 12 Jun 2015 23:30:00 -0500')).toBe('2015-06-13');
    for (const none of [undefined, '', 'last Tuesday', '2015-02-30T10:00:00Z', '20150612']) {
      expect(dayOfPublishedTime(none)).toBeUndefined();
    }
  });

  it('is the annotator’s own date, else the first colleague’s by name, else the page’s', () => {
    const dates = [
      { day: '2005-03-01', by: 'carol' },
      { day: '2005-02-01', by: 'bob' },
      { day: '2005-01-01', by: 'dan' },
    ];
    expect(dateThatWins('dan', dates)).toEqual({ day: '2005-01-01', by: 'dan' });
    expect(dateThatWins('alice', dates)).toEqual({ day: '2005-02-01', by: 'bob' });
    expect(documentDate(dateThatWins('alice', []), '2004-12-31T23:30:00-05:00')).toEqual({
      date: '2004-12-31',
    });
    expect(documentDate(dateThatWins('alice', dates), '2004-12-31')).toEqual({
      date: '2005-02-01',
      dateSetBy: 'bob',
    });
    expect(documentDate(undefined, 'soon')).toEqual({});
  });
});
