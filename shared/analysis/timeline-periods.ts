/**
 * The periods a timeline counts in. A period is named by its first day (YYYY-MM-DD): weeks are ISO
 * weeks, Monday to Sunday, labelled by ISO week-year and number ("2021-W01" starts on Monday
 * 2021-01-04; 2021-01-03 is in "2020-W53"); months and years start on their first day.
 */
export const TIMELINE_INTERVALS = ['day', 'week', 'month', 'year'] as const;
export type TimelineInterval = (typeof TIMELINE_INTERVALS)[number];

const DAY_MS = 86_400_000;

function toTime(day: string): number {
  return utc(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function toDay(time: number): string {
  const date = new Date(time);
  // Years 0–999 are written with four digits, as a day is.
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  return `${year}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** Date.UTC, without its reading of years 0–99 as 1900–1999; months and days past their end roll over. */
function utc(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.getTime();
}

/** The first day of the period `day` falls in. */
export function periodStart(day: string, interval: TimelineInterval): string {
  switch (interval) {
    case 'day':
      return day;
    case 'week': {
      const time = toTime(day);
      const weekday = (new Date(time).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
      return toDay(time - weekday * DAY_MS);
    }
    case 'month':
      return `${day.slice(0, 7)}-01`;
    case 'year':
      return `${day.slice(0, 4)}-01-01`;
  }
}

/** The first day of the period after the one starting on `start`. */
export function nextPeriod(start: string, interval: TimelineInterval): string {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7)) - 1;
  const day = Number(start.slice(8, 10));
  switch (interval) {
    case 'day':
      return toDay(utc(year, month, day + 1));
    case 'week':
      return toDay(utc(year, month, day + 7));
    case 'month':
      return toDay(utc(year, month + 1, 1));
    case 'year':
      return toDay(utc(year + 1, 0, 1));
  }
}

/** How a period is written in tables and files: "2024-03-05", "2024-W10", "2024-03", "2024". */
export function periodLabel(start: string, interval: TimelineInterval): string {
  switch (interval) {
    case 'day':
      return start;
    case 'week': {
      // The ISO week-year is the year of the week's Thursday.
      const thursday = toDay(toTime(start) + 3 * DAY_MS);
      const weekYear = Number(thursday.slice(0, 4));
      const firstThursday = toTime(thursday) - toTime(`${thursday.slice(0, 4)}-01-01`);
      return `${String(weekYear).padStart(4, '0')}-W${String(Math.floor(firstThursday / (7 * DAY_MS)) + 1).padStart(2, '0')}`;
    }
    case 'month':
      return start.slice(0, 7);
    case 'year':
      return start.slice(0, 4);
  }
}

/** Every period from the one holding `first` to the one holding `last`, none left out. */
export function periodsBetween(first: string, last: string, interval: TimelineInterval): string[] {
  const end = periodStart(last, interval);
  const periods: string[] = [];
  for (let start = periodStart(first, interval); start <= end; start = nextPeriod(start, interval)) {
    periods.push(start);
  }
  return periods;
}
