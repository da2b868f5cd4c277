import { splitsSurrogatePair } from '../text/offsets';

/** How much text a concordance line shows each side of its hit, in UTF-16 code units. */
export const CONTEXT_WIDTH = 60;

/**
 * The line of a keyword-in-context concordance: up to `width` characters each side of the hit,
 * runs of white space (line breaks included) shown as one space, never half a surrogate pair.
 */
export function keywordInContext(
  text: string,
  start: number,
  end: number,
  width = CONTEXT_WIDTH,
): { left: string; text: string; right: string } {
  let from = Math.max(0, start - width);
  if (splitsSurrogatePair(text, from)) from--;
  let to = Math.min(text.length, end + width);
  if (splitsSurrogatePair(text, to)) to++;
  return {
    left: oneLine(text.slice(from, start)),
    text: text.slice(start, end),
    right: oneLine(text.slice(end, to)),
  };
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');
