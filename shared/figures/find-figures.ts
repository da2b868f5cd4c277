import type { FigureValue } from '../model/figure';
import { measuresOf } from './measures';
import { whyNotAFigure } from './not-figures';
import { type Reading, readFigure } from './read-figure';
import { sentenceNumbers, type Token, tokenize } from './tokens';
import { isTimeUnit } from './units';

export interface ParsedFigure {
  /** UTF-16 code unit offsets into the text passed in, end exclusive. */
  start: number;
  end: number;
  /** `text.slice(start, end)`: the number with its currency, scale and noun, without qualifying words. */
  text: string;
  value: FigureValue;
}

/** Every figure in a document's text, in order and not overlapping. */
export function findFigures(text: string): ParsedFigure[] {
  return readFigures(text, false);
}

/**
 * The value of one passage the researcher selected ("$ 15-30 billion"), to prefill the figure
 * editor with. A passage read strictly first, so "in 2019, 500 people" gives the people; failing
 * that, leniently, so a bare "3" or "2019" the researcher chose as a figure is one.
 */
export function parseFigure(passage: string): FigureValue | undefined {
  return (readFigures(passage, false)[0] ?? readFigures(passage, true)[0])?.value;
}

function readFigures(text: string, lenient: boolean): ParsedFigure[] {
  const tokens = tokenize(text);
  const sentences = sentenceNumbers(tokens);
  const readings: Reading[] = [];
  for (let i = 0; i < tokens.length; ) {
    const reading = readFigure(tokens, i);
    if (!reading) {
      i++;
      continue;
    }
    if (!whyNotAFigure(tokens, reading, lenient)) readings.push(reading);
    // A number turned away takes its words with it: "2004 elections" is not "elections" later.
    i = Math.max(reading.to, i + 1);
  }
  inheritUnits(readings, sentences);
  const bounds = sentenceBounds(sentences);
  return readings.map((reading) =>
    toParsedFigure(text, tokens, reading, bounds[sentences[reading.from] ?? 0]),
  );
}

/**
 * A count with no noun of its own (scaled, vague or grouped: "80 million", "millions", "12,000")
 * counts what the count before it in its sentence counts: "half a billion active users worldwide – and approximately 80 million in the United
 * States" gives the 80 million the unit users. Shares, durations and money pass nothing on.
 */
function inheritUnits(readings: Reading[], sentences: readonly number[]): void {
  readings.forEach((reading, k) => {
    if (reading.unit || reading.currency || reading.percent) return;
    const last = reading.second ?? reading.first;
    if (last.scale === 0 && last.form !== 'vague' && !last.grouped) return;
    for (let j = k - 1; j >= 0; j--) {
      const earlier = readings[j];
      if (!earlier || sentences[earlier.from] !== sentences[reading.from]) break;
      if (earlier.ownUnit && earlier.unit && !earlier.percent && !isTimeUnit(earlier.unit)) {
        reading.unit = earlier.unit;
        break;
      }
    }
  });
}

/** Each sentence's first token and one past its last, by sentence number. */
function sentenceBounds(sentences: readonly number[]): { from: number; to: number }[] {
  const bounds: { from: number; to: number }[] = [];
  sentences.forEach((sentence, i) => {
    const bound = bounds[sentence];
    if (bound) bound.to = i + 1;
    else bounds[sentence] = { from: i, to: i + 1 };
  });
  return bounds;
}

function toParsedFigure(
  text: string,
  tokens: readonly Token[],
  reading: Reading,
  sentence: { from: number; to: number } | undefined,
): ParsedFigure {
  const start = tokens[reading.from]?.start ?? 0;
  const end = tokens[reading.to - 1]?.end ?? start;
  const { unit, currency } = reading;
  const measures = measuresOf(
    {
      tokens,
      from: reading.from,
      to: reading.to,
      sentenceFrom: sentence?.from ?? 0,
      sentenceTo: sentence?.to ?? tokens.length,
    },
    { ...(unit ? { unit } : {}), ...(currency ? { currency } : {}) },
  );
  return {
    start,
    end,
    text: text.slice(start, end),
    value: {
      min: reading.min,
      max: reading.max,
      ...(unit ? { unit } : {}),
      ...(currency ? { currency } : {}),
      qualifier: reading.qualifier,
      ...(measures ? { measures } : {}),
    },
  };
}
