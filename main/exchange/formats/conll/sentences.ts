import { splitParagraphs } from '../../../../shared/text/paragraphs';
import { type Token, tokenize } from './tokenize';

const TERMINAL = /^[.!?…]$/;
/** Chinese and Japanese full stops end a sentence with no space or capital after them. */
const CJK_TERMINAL = /^[。！？]$/;
const CLOSING = /^[”’"'»)\]]$/;
const OPENING = /^[“‘"'«([]$/;

/**
 * The tokens of `text`, sentence by sentence. The rule:
 * - a blank line ends a sentence (paragraphs come from shared/text/paragraphs.ts);
 * - so does ".", "!", "?" or "…" (with any closing quotes or brackets after it) when whitespace
 *   and then a capital letter follow (an opening quote or bracket may come before the capital);
 * - "。", "！" and "？" always do;
 * - a full stop right after a single capital letter is an initial ("A. Reporter") and does not.
 * Abbreviations ("Mr.", "U.S.") keep their full stop inside the token (tokenize.ts), so they never
 * end a sentence, even when one really ends there ("…in the U.S. Then…" stays one sentence).
 * Intl.Segmenter is not used: it breaks after "Mr." and "U.S." before a capital.
 */
export function tokenSentences(text: string): Token[][] {
  const sentences: Token[][] = [];
  for (const paragraph of splitParagraphs(text)) {
    const tokens = tokenize(paragraph.text, paragraph.start);
    let start = 0;
    for (let i = 0; i < tokens.length; i++) {
      let end = endOfSentenceAt(tokens, i);
      if (end === undefined) continue;
      while (
        end < tokens.length &&
        CLOSING.test(tokens[end]!.text) &&
        tokens[end]!.start === tokens[end - 1]!.end
      ) {
        end++;
      }
      if (!CJK_TERMINAL.test(tokens[i]!.text) && !startsSentence(tokens, end)) continue;
      sentences.push(tokens.slice(start, end));
      start = end;
      i = end - 1;
    }
    if (start < tokens.length) sentences.push(tokens.slice(start));
  }
  return sentences;
}

/** The index after the terminal punctuation run that starts at `i`, if token `i` ends a sentence there. */
function endOfSentenceAt(tokens: Token[], i: number): number | undefined {
  const token = tokens[i]!;
  if (CJK_TERMINAL.test(token.text)) return i + 1;
  if (!TERMINAL.test(token.text)) return undefined;
  const before = tokens[i - 1];
  if (token.text === '.' && before && before.end === token.start && /^\p{Lu}$/u.test(before.text))
    return undefined;
  let end = i + 1;
  while (
    end < tokens.length &&
    TERMINAL.test(tokens[end]!.text) &&
    tokens[end]!.start === tokens[end - 1]!.end
  ) {
    end++;
  }
  return end;
}

/** Whether tokens[at] begins a sentence: after whitespace, a capital, perhaps behind an opening quote. */
function startsSentence(tokens: Token[], at: number): boolean {
  const next = tokens[at];
  if (!next || next.start === tokens[at - 1]!.end) return false;
  const word = OPENING.test(next.text) ? tokens[at + 1] : next;
  return word !== undefined && /^\p{Lu}/u.test(word.text);
}
