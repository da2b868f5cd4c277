import type { Stakeholder } from '../model/stakeholder';
import { foldName } from './fold-name';

/** A passage of a text naming a stakeholder of the register. Offsets are UTF-16, end exclusive. */
export interface Mention {
  start: number;
  end: number;
  stakeholderId: string;
  /** The name or alias that matched, as written in the register. */
  name: string;
}

/**
 * A matcher for every name and alias of the register: finds mentions case-insensitively, on word
 * boundaries, across line breaks and odd spacing ("Donald\nTrump"), with possessives ("Trump's"
 * is a mention of "Trump", the "'s" left out). Where names overlap the longest wins, so "Donald
 * Trump" is one mention, not a "Trump" inside it.
 *
 * Short all-capital names ("US", "EU", "UN") match only in capitals: case-insensitively they
 * would find the pronoun "us" and the like on every page.
 */
export function mentionFinder(stakeholders: readonly Pick<Stakeholder, 'id' | 'name' | 'aliases'>[]) {
  const owners = new Map<string, { stakeholderId: string; name: string }>();
  const folded: string[] = [];
  const exact: string[] = [];
  for (const stakeholder of stakeholders) {
    for (const name of [stakeholder.name, ...stakeholder.aliases]) {
      const words = name.trim().split(/\s+/).filter(Boolean);
      if (words.length === 0) continue;
      const key = foldName(name);
      // The first stakeholder to claim a name keeps it: one passage, one suggestion.
      if (owners.has(key)) continue;
      owners.set(key, { stakeholderId: stakeholder.id, name });
      (isShortAcronym(name) ? exact : folded).push(words.map(escapeRegExp).join('\\s+'));
    }
  }
  const pattern = (names: string[], flags: string) =>
    names.length === 0
      ? undefined
      : // Longest first: the regex takes the first alternative that matches at a position.
        new RegExp(
          `(?<![\\p{L}\\p{N}_])(?:${names.sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}_])`,
          flags,
        );
  const patterns = [pattern(folded, 'giu'), pattern(exact, 'gu')].filter((p): p is RegExp => !!p);

  return function findMentions(text: string): Mention[] {
    const found: Mention[] = [];
    for (const regex of patterns) {
      for (const match of text.matchAll(regex)) {
        const owner = owners.get(foldName(match[0]));
        if (owner) found.push({ start: match.index, end: match.index + match[0].length, ...owner });
      }
    }
    return longestFirst(found);
  };
}

/** Drops mentions inside or across a longer one found by the other pattern. */
function longestFirst(mentions: Mention[]): Mention[] {
  const byLength = [...mentions].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Mention[] = [];
  for (const mention of byLength) {
    if (!kept.some((k) => k.start < mention.end && mention.start < k.end)) kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function isShortAcronym(name: string): boolean {
  const letters = name.replace(/[^\p{L}]/gu, '');
  return (
    letters.length <= 3 &&
    letters === letters.toLocaleUpperCase('en') &&
    letters !== letters.toLocaleLowerCase('en')
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
