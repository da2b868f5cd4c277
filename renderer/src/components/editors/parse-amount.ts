import { SCALE_ABBREVIATIONS, SCALE_WORDS } from '../../../../shared/figures/number-words';

/**
 * Amounts as researchers type them: "15e9", "15,000,000", "15 000 000", "2.5m", "15bn",
 * "15 billion", "-3.2", "$15bn", "40%". Thousands separators are accepted only in groups of
 * three ("15,5" is refused rather than guessed), and "m" is million, never milli.
 */
const SCALES: Record<string, number> = {
  ...SCALE_WORDS,
  ...SCALE_ABBREVIATIONS,
  // Typed into an amount field "t" is a trillion; in running text it is too often tonnes.
  t: 12,
};

const AMOUNT =
  /^([-−]?)\s*[$€£¥]?\s*(\d{1,3}(?:[,\s\u00a0\u202f]\d{3})+|\d+)?(\.\d+)?(?:e([-+]?\d+))?\s*([a-z]+)?\s*%?$/i;

/** The number `input` stands for, or undefined when it is not one. */
export function parseAmount(input: string): number | undefined {
  const found = AMOUNT.exec(input.trim());
  if (!found) return undefined;
  const [, sign, whole, fraction, exponent, word] = found;
  if (whole === undefined && fraction === undefined) return undefined;
  let power = exponent === undefined ? 0 : Number(exponent);
  if (word !== undefined) {
    const scale = SCALES[word.toLowerCase()];
    if (scale === undefined) return undefined;
    power += scale;
  }
  // Built as a decimal string, so "1.1bn" is exactly 1100000000 (1.1 * 1e9 is not).
  const digits = `${(whole ?? '0').replace(/[,\s\u00a0\u202f]/g, '')}${fraction ?? ''}`;
  const value = Number(`${sign ? '-' : ''}${digits}e${power}`);
  return Number.isFinite(value) ? value : undefined;
}

const WORDS: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** An amount written so that parseAmount reads it back: "15 billion", "2.5 million", "123,456,789". */
export function formatAmount(value: number): string {
  const size = Math.abs(value);
  for (const [scale, word] of WORDS) {
    const scaled = Number((value / scale).toPrecision(12));
    // Words only for round figures: 123456789 reads better as digits than as "123.456789 million".
    if (size >= scale && Number.isInteger(scaled * 100) && parseAmount(`${scaled} ${word}`) === value)
      return `${scaled} ${word}`;
  }
  const written = value.toLocaleString('en-US', { maximumFractionDigits: 20, useGrouping: true });
  return parseAmount(written) === value ? written : String(value);
}
