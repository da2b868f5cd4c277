import type { DocumentStatus } from '../model/document';
import type { CooccurrenceRule } from './cooccurrence';

/** A coding query as the researcher put it, with codes and stakeholders by name: what a report says it asked. */
export interface NamedQuery {
  codes: readonly string[];
  conditions: readonly { code?: string; stakeholder?: string; rule: CooccurrenceRule; not?: boolean }[];
  annotator?: string;
  statuses?: readonly DocumentStatus[];
  /** A key prefix ending in "/". */
  folder?: string;
  /** Publication dates, ISO 8601, inclusive. */
  from?: string;
  to?: string;
}

const NEAR: Record<CooccurrenceRule, string> = {
  overlap: 'overlapping',
  sentence: 'in the same sentence as',
  paragraph: 'in the same paragraph as',
};

const STATUS_WORDS: Record<DocumentStatus, string> = {
  todo: 'to do',
  'in-progress': 'in progress',
  done: 'done',
};

/** "a or b or c" */
function either(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/**
 * The query in one sentence for the head of a report: "Passages coded Privacy or Security (with
 * the codes under them), in the same paragraph as a mention of TikTok, not overlapping a passage
 * coded Figure; alice's work only; in documents marked done; under news/; published from
 * 2004-01-01 to 2004-12-31."
 */
export function queryInWords(query: NamedQuery): string {
  const parts = [`Passages coded ${either(query.codes)} (or a code under one)`];
  for (const c of query.conditions) {
    const what = c.stakeholder !== undefined ? `a mention of ${c.stakeholder}` : `a passage coded ${c.code}`;
    parts.push(`${c.not ? 'not ' : ''}${NEAR[c.rule]} ${what}`);
  }
  const limits = [query.annotator ? `${query.annotator}’s work only` : 'every annotator’s work'];
  if (query.statuses?.length) {
    limits.push(`in documents marked ${either(query.statuses.map((s) => STATUS_WORDS[s]))}`);
  }
  if (query.folder) limits.push(`under ${query.folder}`);
  if (query.from && query.to) limits.push(`published from ${query.from} to ${query.to}`);
  else if (query.from) limits.push(`published on or after ${query.from}`);
  else if (query.to) limits.push(`published on or before ${query.to}`);
  return `${parts.join(', ')}; ${limits.join('; ')}.`;
}
