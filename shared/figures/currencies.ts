/** How news text names currencies, mapped to ISO 4217 codes. */

/** Symbols written before the amount. "¥" is taken as yen, the commoner reading in English news. */
export const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  '£': 'GBP',
  '€': 'EUR',
  '¥': 'JPY',
  '₹': 'INR',
  '₩': 'KRW',
  '₽': 'RUB',
};

/** Letters written straight before "$": "US$2.5m", "A$", "HK$". */
export const DOLLAR_PREFIXES: Record<string, string> = {
  us: 'USD',
  a: 'AUD',
  au: 'AUD',
  c: 'CAD',
  ca: 'CAD',
  can: 'CAD',
  hk: 'HKD',
  nz: 'NZD',
  s: 'SGD',
  r: 'BRL',
  nt: 'TWD',
};

/** ISO codes written as words before or after the amount ("USD 5m", "5m EUR"); upper case only. */
export const CURRENCY_CODES = new Set([
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CNY',
  'CHF',
  'CAD',
  'AUD',
  'INR',
  'KRW',
  'HKD',
  'NZD',
  'SGD',
  'RUB',
  'SEK',
  'NOK',
  'DKK',
  'BRL',
  'ZAR',
  'MXN',
]);

/** Other prefixes read as currency: "Rs 500" (rupees). */
export const CURRENCY_PREFIX_WORDS: Record<string, string> = {
  rs: 'INR',
};

/**
 * Currency words written after the amount ("15 billion dollars", "719m euros"), with the
 * fraction of the unit they are ("50 pence" is 0.5 GBP). Cents are taken as US cents.
 */
export const CURRENCY_WORDS: Record<string, { code: string; factor?: number }> = {
  dollar: { code: 'USD' },
  dollars: { code: 'USD' },
  euro: { code: 'EUR' },
  euros: { code: 'EUR' },
  pound: { code: 'GBP' },
  pounds: { code: 'GBP' },
  sterling: { code: 'GBP' },
  pence: { code: 'GBP', factor: 0.01 },
  p: { code: 'GBP', factor: 0.01 },
  cent: { code: 'USD', factor: 0.01 },
  cents: { code: 'USD', factor: 0.01 },
  yen: { code: 'JPY' },
  yuan: { code: 'CNY' },
  renminbi: { code: 'CNY' },
  rupee: { code: 'INR' },
  rupees: { code: 'INR' },
  rouble: { code: 'RUB' },
  roubles: { code: 'RUB' },
  ruble: { code: 'RUB' },
  rubles: { code: 'RUB' },
  francs: { code: 'CHF' },
  rand: { code: 'ZAR' },
  kronor: { code: 'SEK' },
  krona: { code: 'SEK' },
  reais: { code: 'BRL' },
  real: { code: 'BRL' },
  won: { code: 'KRW' },
  pesos: { code: 'MXN' },
};

/** Words that say whose dollar it is: "Australian dollars", "US dollars". */
export const DOLLAR_COUNTRIES: Record<string, string> = {
  us: 'USD',
  american: 'USD',
  australian: 'AUD',
  canadian: 'CAD',
  singapore: 'SGD',
  taiwan: 'TWD',
  zealand: 'NZD',
  kong: 'HKD',
};
