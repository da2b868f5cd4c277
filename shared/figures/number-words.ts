/** English number words, scale words and fractions, as news text writes them. */

export const UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

export const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/**
 * Scale words and their powers of ten. Abbreviations are read only straight after the digits
 * ("15bn", "2.5m"), or spaced where noted in the grammar; "m" is million, never metres or
 * milli, except for athletics distances (see not-figures.ts).
 */
export const SCALE_WORDS: Record<string, number> = {
  thousand: 3,
  million: 6,
  billion: 9,
  trillion: 12,
};

export const SCALE_ABBREVIATIONS: Record<string, number> = {
  k: 3,
  m: 6,
  mn: 6,
  mln: 6,
  bn: 9,
  b: 9,
  tn: 12,
  trn: 12,
};

/** "thousands", "millions": the plural scale words of vague amounts ("thousands of jobs"). */
export const VAGUE_PLURALS: Record<string, number> = {
  dozens: 12,
  hundreds: 100,
  thousands: 1e3,
  millions: 1e6,
  billions: 1e9,
};

/**
 * The range a vague plural stands for. "thousands" is read as at least two thousand and less
 * than ten thousand (ten thousand and more would be "tens of thousands"); "tens of thousands"
 * as 20,000–99,999, "hundreds of millions" as 200 million–999,999,999, "dozens" as 24–99. The
 * same reading serves "several thousand" and "a few thousand".
 */
export function vagueRange(scale: number): { min: number; max: number } {
  if (scale === 12) return { min: 24, max: 99 };
  return { min: 2 * scale, max: 10 * scale - 1 };
}

/** Fractions written as words, as a share of a whole: "two-thirds" is 2/3. */
export const FRACTION_DENOMINATORS: Record<string, number> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fifth: 5,
  fifths: 5,
  tenth: 10,
  tenths: 10,
};

export const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);
