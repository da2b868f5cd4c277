import { utf16ToCodePoints } from '../../../../shared/text/offsets';

/** A piece of a span, [start, end), end exclusive. */
export interface Fragment {
  start: number;
  end: number;
}

/**
 * brat draws a span line by line, so a span across a line break is written as discontinuous
 * fragments split at the breaks, the breaks themselves left out (UTF-16 offsets here). Empty
 * pieces (blank lines, a break at either edge) are dropped; a span that is nothing but line
 * breaks stays one fragment, as there would be nothing else to write.
 */
export function lineFragments(text: string, start: number, end: number): Fragment[] {
  const out: Fragment[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n' || text[i] === '\r') {
      if (i > from) out.push({ start: from, end: i });
      from = i + 1;
    }
  }
  return out.length > 0 ? out : [{ start, end }];
}

/**
 * The fragments of many spans of one text in code points, as brat counts (brat is Python, whose
 * strings index code points), converted in one pass over the text.
 */
export function toCodePoints(text: string, spans: readonly Fragment[][]): Fragment[][] {
  const offsets = spans.flatMap((fragments) => fragments.flatMap((f) => [f.start, f.end]));
  const points = utf16ToCodePoints(text, offsets);
  let i = 0;
  return spans.map((fragments) => fragments.map(() => ({ start: points[i++]!, end: points[i++]! })));
}

/** The .ann text of a span: its fragments' text joined by single spaces, as brat writes it. */
export function fragmentText(text: string, fragments: readonly Fragment[]): string {
  return fragments.map((f) => text.slice(f.start, f.end)).join(' ');
}

/** `0 5;7 12`: the offsets part of a T line. */
export function formatFragments(fragments: readonly Fragment[]): string {
  return fragments.map((f) => `${f.start} ${f.end}`).join(';');
}
