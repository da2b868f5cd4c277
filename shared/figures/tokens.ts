/**
 * The tokens the figure grammar reads: numerals, words and single symbols, with their UTF-16
 * offsets into the text (end exclusive) and what separates each from the one before it.
 */
export type TokenKind = 'number' | 'word' | 'symbol';

export interface Token {
  kind: TokenKind;
  text: string;
  /** `text` in lower case, for matching word lists. */
  lower: string;
  start: number;
  end: number;
  /** True when white space separates this token from the previous one. */
  spaceBefore: boolean;
  /** True when a line break separates this token from the previous one (a paragraph or title ends). */
  lineBefore: boolean;
}

/**
 * Numerals keep their grouping commas, decimal point and no-break-space groups together
 * ("1,500", "2.5", "1 500 000" with U+00A0 or U+202F) and are read later; a word keeps an
 * inner apostrophe ("o'clock", "Dell's"). Hyphens and dashes are symbols of their own, so
 * "two-thirds" and "15-30" are three tokens each.
 */
const TOKEN = /(\d+(?:[.,\u00a0\u202f]\d+)*)|([\p{L}\p{M}]+(?:['’][\p{L}]+)*)|(\S)/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const gap = text.slice(previousEnd, start);
    const kind: TokenKind = match[1] !== undefined ? 'number' : match[2] !== undefined ? 'word' : 'symbol';
    tokens.push({
      kind,
      text: match[0],
      lower: match[0].toLowerCase(),
      start,
      end: start + match[0].length,
      spaceBefore: gap.length > 0,
      lineBefore: gap.includes('\n'),
    });
    previousEnd = start + match[0].length;
  }
  return tokens;
}

/** True when token `i` exists and is the word `word` (lower case). */
export function isWord(tokens: readonly Token[], i: number, ...words: string[]): boolean {
  const token = tokens[i];
  return token?.kind === 'word' && words.includes(token.lower);
}

/** True when token `i` exists and is one of `symbols`. */
export function isSymbol(tokens: readonly Token[], i: number, ...symbols: string[]): boolean {
  const token = tokens[i];
  return token?.kind === 'symbol' && symbols.includes(token.text);
}

/** True when token `i` follows the one before it with nothing in between ("15" + "bn"). */
export function isAttached(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  return token !== undefined && i > 0 && !token.spaceBefore;
}

const SENTENCE_END = new Set(['.', '!', '?']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', ':', '-', '–', '—', '•', '*']);

/** True when token `i` starts a sentence, a quotation, a line or a list item. */
export function startsSentence(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  const before = tokens[i - 1];
  if (!token || !before || token.lineBefore) return true;
  if (before.kind !== 'symbol') return false;
  return SENTENCE_END.has(before.text) || OPENERS.has(before.text) || startsSentence(tokens, i - 1);
}

/**
 * Each token's sentence number, for the context a figure takes from its own sentence (the
 * unit of an earlier figure, the words that say what it measures). A sentence ends at ".", "!"
 * or "?" followed by a space, or at a line break; "U.S." may split one, which costs little.
 */
export function sentenceNumbers(tokens: readonly Token[]): number[] {
  const numbers: number[] = [];
  let sentence = 0;
  tokens.forEach((token, i) => {
    const before = tokens[i - 1];
    if (token.lineBefore || (before && SENTENCE_END.has(before.text) && token.spaceBefore)) sentence++;
    numbers.push(sentence);
  });
  return numbers;
}
