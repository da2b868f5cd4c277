import {
  CURRENCY_CODES,
  CURRENCY_PREFIX_WORDS,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  DOLLAR_COUNTRIES,
  DOLLAR_PREFIXES,
} from './currencies';
import { isAttached, isSymbol, isWord, type Token } from './tokens';

export interface CurrencyMark {
  code: string;
  /** One past the mark's last token. */
  to: number;
  /** What one of the written amount is worth in `code` ("50p" is 0.5 GBP). */
  factor: number;
}

/** A currency written before an amount at token `i`: "$", "£", "US$", "HK$", "USD", "Rs". */
export function currencyBefore(tokens: readonly Token[], i: number): CurrencyMark | undefined {
  const token = tokens[i];
  if (!token) return undefined;
  if (token.kind === 'symbol') {
    const code = CURRENCY_SYMBOLS[token.text];
    return code ? { code, to: i + 1, factor: 1 } : undefined;
  }
  if (token.kind !== 'word') return undefined;
  const prefixed = DOLLAR_PREFIXES[token.lower];
  if (
    prefixed &&
    token.text === token.text.toUpperCase() &&
    isSymbol(tokens, i + 1, '$') &&
    isAttached(tokens, i + 1)
  )
    return { code: prefixed, to: i + 2, factor: 1 };
  // "$US2.5m", the dollar's country written after the symbol.
  if (CURRENCY_CODES.has(token.text) && tokens[i + 1]?.kind === 'number')
    return { code: token.text, to: i + 1, factor: 1 };
  const word = CURRENCY_PREFIX_WORDS[token.lower];
  if (word && tokens[i + 1]?.kind === 'number') return { code: word, to: i + 1, factor: 1 };
  return undefined;
}

/** Currency words that are ordinary English words too, read as money only after a scaled amount. */
const ALSO_ORDINARY = new Set(['won', 'real', 'rand', 'pound', 'sterling']);

/**
 * A currency written after an amount ending before token `i`: "dollars", "euros", "US dollars",
 * "Australian dollars", "yen", "50p", "5m EUR". `scaled` says whether the amount had a scale
 * word, without which "won" and "real" are words, not currencies.
 */
export function currencyAfter(
  tokens: readonly Token[],
  i: number,
  { scaled, digits }: { scaled: boolean; digits: boolean },
): CurrencyMark | undefined {
  const token = tokens[i];
  if (token?.kind !== 'word') return undefined;
  if (CURRENCY_CODES.has(token.text)) return { code: token.text, to: i + 1, factor: 1 };
  const country = DOLLAR_COUNTRIES[token.lower];
  if (country) {
    const dollars = isWord(tokens, i + 1, 'dollars', 'dollar') ? i + 1 : undefined;
    // "Hong Kong dollars", "New Zealand dollars": the country's first word is part of the span.
    if (dollars !== undefined) return { code: country, to: dollars + 1, factor: 1 };
    return undefined;
  }
  if (
    isWord(tokens, i, 'hong', 'new') &&
    DOLLAR_COUNTRIES[tokens[i + 1]?.lower ?? ''] &&
    isWord(tokens, i + 2, 'dollars', 'dollar')
  )
    return { code: DOLLAR_COUNTRIES[tokens[i + 1]?.lower ?? ''] ?? 'USD', to: i + 3, factor: 1 };
  if (isWord(tokens, i, 'swiss') && isWord(tokens, i + 1, 'francs'))
    return { code: 'CHF', to: i + 2, factor: 1 };
  const word = CURRENCY_WORDS[token.lower];
  if (!word) return undefined;
  if (token.lower === 'p' && !(isAttached(tokens, i) && digits && !scaled)) return undefined;
  if (token.lower !== 'p' && isAttached(tokens, i)) return undefined;
  if (ALSO_ORDINARY.has(token.lower) && !scaled) return undefined;
  return { code: word.code, to: i + 1, factor: word.factor ?? 1 };
}
