import { z } from 'zod';

/**
 * A document's date: a calendar day written YYYY-MM-DD, with no time and no time zone, years
 * 0001–9999. "2024-02-29" is a day; "2023-02-29", "2024-13-01", "2024-1-5", "05/01/2024" and
 * "2024-01-05T10:00" are not.
 */
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a day as typed is not one, in words for the researcher; undefined when it is one. */
export function dayProblem(text: string): string | undefined {
  const match = DAY_PATTERN.exec(text);
  if (!match) return `"${text}" is not a date written YYYY-MM-DD, such as 2024-03-01`;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (year < 1) return 'the year starts at 0001';
  if (month < 1 || month > 12) return `there is no month ${match[2]}: months run 01 to 12`;
  if (day < 1 || day > daysInMonth(year, month)) {
    return `${match[1]}-${match[2]} has no day ${match[3]}: it has ${daysInMonth(year, month)} days`;
  }
  return undefined;
}

export function isDay(text: unknown): text is string {
  return typeof text === 'string' && dayProblem(text) === undefined;
}

/** The schema of a day, in requests and in annotation files; its message says what is wrong. */
export const Day = z.string().superRefine((text, context) => {
  const problem = dayProblem(text);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The day a page's publication time falls on. A time that starts with a day ("2017-12-15T08:50:02
 * -05:00", "2015-07-10 09:53:00 -0400") keeps the day the page states, the publisher's own, not
 * moved to UTC, and none if the calendar has no such day ("2015-02-30T10:00"); any other form the
 * browser's Date reads ("Fri, 12 Jun 2015 10:00:00 GMT") gives its day in UTC; anything else
 * ("last Tuesday", "") gives none.
 */
export function dayOfPublishedTime(publishedTime: string | undefined): string | undefined {
  if (!publishedTime) return undefined;
  const text = publishedTime.trim();
  const stated = text.slice(0, 10);
  if (DAY_PATTERN.test(stated) && (text.length === 10 || /^[T ]/.test(text.slice(10)))) {
    // A day the calendar does not have ("2015-02-30T10:00") is no day, not one rolled over.
    return isDay(stated) ? stated : undefined;
  }
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const day = new Date(time).toISOString().slice(0, 10);
  return isDay(day) ? day : undefined;
}

/** A date a researcher set on a document, and who. */
export interface DateSet {
  day: string;
  by: string;
}

/**
 * Of the dates annotators set on one document, the one that counts for `annotator`: their own,
 * else the first colleague's by name, so that every colleague who set none sees the same.
 */
export function dateThatWins(annotator: string, dates: readonly DateSet[] | undefined): DateSet | undefined {
  let wins: DateSet | undefined;
  for (const date of dates ?? []) {
    if (date.by === annotator) return date;
    if (!wins || date.by < wins.by) wins = date;
  }
  return wins;
}

/**
 * The date a document is placed at in the analyses: the one a researcher set on it (the
 * annotator's own first, else the first colleague's by name), else the day its page was published.
 */
export function documentDate(
  set: DateSet | undefined,
  publishedTime: string | undefined,
): { date?: string; dateSetBy?: string } {
  if (set) return { date: set.day, dateSetBy: set.by };
  const day = dayOfPublishedTime(publishedTime);
  return day ? { date: day } : {};
}
