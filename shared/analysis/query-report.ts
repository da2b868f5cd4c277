import type { CodingQueryResult } from '../api';
import { csvTable } from '../csv-table';
import type { Codebook } from '../model/codebook';
import type { FigureValue } from '../model/figure';
import type { CodePointOffsets } from './code-point-offsets';

/**
 * The passages of a coding query for readers outside Gloss: offsets in code points, codes by
 * name. What `gloss query --json` prints, and what its CSV, Markdown and HTML are written from,
 * the same from the command line and the screens' exports.
 */
export interface QueryReport {
  passages: {
    key: string;
    start: number;
    end: number;
    quote: string;
    code: string;
    annotator: string;
    note?: string;
    value?: FigureValue;
    sentence: string;
    title: string;
    /** The article's publication date, when its page gave one. */
    date?: string;
  }[];
}

export async function namedQueryPassages(
  result: CodingQueryResult,
  codebook: Codebook,
  offsets: CodePointOffsets,
): Promise<QueryReport> {
  const names = new Map(codebook.codes.map((c) => [c.id, c.name]));
  const passages: QueryReport['passages'] = [];
  for (const p of result.passages) {
    const { start, end } = await offsets(p.key, p.start, p.end);
    passages.push({
      key: p.key,
      start,
      end,
      quote: p.quote,
      code: names.get(p.code) ?? p.code,
      annotator: p.author,
      ...(p.note ? { note: p.note } : {}),
      ...(p.value ? { value: p.value } : {}),
      sentence: p.sentence,
      title: p.title,
      ...(p.date ? { date: p.date } : {}),
    });
  }
  return { passages };
}

/** RFC 4180: a row per passage, in the order retrieved. */
export function queryCsv(report: QueryReport): string {
  return csvTable(
    ['key', 'start', 'end', 'code', 'annotator', 'quote', 'sentence', 'note', 'title'],
    report.passages.map((p) => [
      p.key,
      p.start,
      p.end,
      p.code,
      p.annotator,
      p.quote,
      p.sentence,
      p.note,
      p.title,
    ]),
  );
}

/**
 * Where the passage stands in its sentence (both with white space shown as single spaces, as the
 * answer gives the sentence): the words before it and after it, or null when the quote is not
 * found there.
 */
export function quoteInSentence(
  sentence: string,
  quote: string,
): { before: string; quote: string; after: string } | null {
  const flat = quote.replace(/\s+/g, ' ');
  const at = sentence.indexOf(flat);
  if (at < 0) return null;
  return { before: sentence.slice(0, at), quote: flat, after: sentence.slice(at + flat.length) };
}

/** A figure's value in plain words, the same on every machine: "approximately 80,000,000 users", "1,000–2,000 GBP". */
export function figureValueWords(value: FigureValue): string {
  const number = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 });
  let words = value.min === value.max ? number(value.min) : `${number(value.min)}–${number(value.max)}`;
  const unit = value.currency ?? value.unit;
  if (unit) words += unit === '%' ? '%' : ` ${unit}`;
  const qualifier = value.qualifier ?? 'exactly';
  return qualifier === 'exactly' ? words : `${qualifier.replace('-', ' ')} ${words}`;
}
