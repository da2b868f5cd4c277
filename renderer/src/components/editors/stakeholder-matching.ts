import type { Stakeholder } from '../../../../shared/model/stakeholder';

/** How well a register entry matches what was typed; higher is better. */
export const MATCH = {
  exact: 4,
  prefix: 3,
  substring: 2,
  /** The typed text contains a name, as a quote such as "the owner, ByteDance" contains "ByteDance". */
  contained: 1,
} as const;

export interface StakeholderMatch {
  stakeholder: Stakeholder;
  score: number;
  /** The alias that matched, when it was an alias rather than the name. */
  alias?: string;
}

/** Lower case without accents, trimmed: "Société Générale " and "societe generale" are the same. */
export function normalizeName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim().replace(/\s+/g, ' ');
}

/**
 * The register entries matching `query` by name or alias, best first: exact, then prefix, then
 * substring matches, then names the query contains; ties go to name matches, then A–Z.
 * An empty query lists the whole register A–Z.
 */
export function matchStakeholders(stakeholders: readonly Stakeholder[], query: string): StakeholderMatch[] {
  const typed = normalizeName(query);
  const matches: StakeholderMatch[] = [];
  for (const stakeholder of stakeholders) {
    if (typed === '') {
      matches.push({ stakeholder, score: 0 });
      continue;
    }
    let best: StakeholderMatch | undefined;
    for (const name of [stakeholder.name, ...stakeholder.aliases]) {
      const score = scoreName(normalizeName(name), typed);
      if (score > (best?.score ?? 0)) {
        best = { stakeholder, score, ...(name === stakeholder.name ? {} : { alias: name }) };
      }
    }
    if (best) matches.push(best);
  }
  return matches.sort(
    (a, b) =>
      b.score - a.score ||
      Number(a.alias !== undefined) - Number(b.alias !== undefined) ||
      a.stakeholder.name.localeCompare(b.stakeholder.name),
  );
}

function scoreName(name: string, typed: string): number {
  if (name === typed) return MATCH.exact;
  if (name.startsWith(typed)) return MATCH.prefix;
  if (name.includes(typed)) return MATCH.substring;
  // Whole-word containment only, so "Meta" is not found in "metadata".
  if (
    name.length >= 2 &&
    new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(name)}($|[^\\p{L}\\p{N}])`, 'u').test(typed)
  )
    return MATCH.contained;
  return 0;
}

/**
 * True when `quote` is already the stakeholder's name or one of its aliases, ignoring case and
 * spacing (not accents: "Societe" is worth keeping as an alias of "Société").
 */
export function isKnownName(stakeholder: Stakeholder, quote: string): boolean {
  const fold = (name: string) => name.toLocaleLowerCase().trim().replace(/\s+/g, ' ');
  const typed = fold(quote);
  return [stakeholder.name, ...stakeholder.aliases].some((name) => fold(name) === typed);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
