import type { Token } from './tokens';

/**
 * What a figure measures, from the words around it in its sentence. The names match the
 * default codebook's figure codes where there is one (valuation, users, jobs), so a suggestion
 * can be given its code; money with none of these words is left without.
 */
const MONEY_WORDS: Record<string, string> = {
  valued: 'valuation',
  valuation: 'valuation',
  valuing: 'valuation',
  values: 'valuation',
  worth: 'valuation',
  capitalisation: 'valuation',
  capitalization: 'valuation',
  revenue: 'revenue',
  revenues: 'revenue',
  sales: 'revenue',
  turnover: 'revenue',
  profit: 'profit',
  profits: 'profit',
  earnings: 'profit',
  earned: 'profit',
  income: 'profit',
  loss: 'loss',
  losses: 'loss',
  fine: 'fine',
  fined: 'fine',
  fines: 'fine',
  penalty: 'fine',
  invest: 'investment',
  invested: 'investment',
  investing: 'investment',
  investment: 'investment',
  investments: 'investment',
  funding: 'investment',
  price: 'price',
  prices: 'price',
  priced: 'price',
  cost: 'price',
  costs: 'price',
  costing: 'price',
  debt: 'debt',
  debts: 'debt',
  bid: 'deal',
  offer: 'deal',
  takeover: 'deal',
  deal: 'deal',
  acquisition: 'deal',
};

/** Units whose count is the measure itself. */
const COUNT_UNITS: Record<string, string> = {
  users: 'users',
  subscribers: 'users',
  jobs: 'jobs',
};

/** Staff counted where jobs are spoken of ("cut 500 staff") are jobs. */
const STAFF_UNITS = new Set(['staff', 'workers', 'employees', 'posts', 'positions']);
const JOB_WORDS = new Set([
  'jobs',
  'job',
  'cut',
  'cuts',
  'axe',
  'axed',
  'shed',
  'redundancies',
  'hire',
  'hiring',
  'create',
  'employ',
  'employs',
]);

/** How many tokens before and after the figure its context reaches. */
const BEFORE = 10;
const AFTER = 6;

export interface FigureContext {
  tokens: readonly Token[];
  /** The figure's tokens, and its sentence's first token and one past its last. */
  from: number;
  to: number;
  sentenceFrom: number;
  sentenceTo: number;
}

export function measuresOf(
  context: FigureContext,
  value: { unit?: string; currency?: string },
): string | undefined {
  if (value.unit) {
    const counted = COUNT_UNITS[value.unit];
    if (counted) return counted;
    if (STAFF_UNITS.has(value.unit) && nearest(context, (word) => (JOB_WORDS.has(word) ? 'jobs' : undefined)))
      return 'jobs';
    return undefined;
  }
  if (!value.currency) return undefined;
  return nearest(context, (word) => MONEY_WORDS[word]);
}

/** The answer of `read` for the word nearest the figure, before or after it, within its sentence. */
function nearest(context: FigureContext, read: (word: string) => string | undefined): string | undefined {
  const { tokens, from, to, sentenceFrom, sentenceTo } = context;
  for (let distance = 1; distance <= Math.max(BEFORE, AFTER); distance++) {
    const candidates = [
      distance <= BEFORE ? from - distance : -1,
      distance <= AFTER ? to - 1 + distance : -1,
    ];
    for (const k of candidates) {
      if (k < sentenceFrom || k >= sentenceTo) continue;
      const token = tokens[k];
      const found = token?.kind === 'word' ? read(token.lower) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}
