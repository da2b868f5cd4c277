import type { Codebook } from '../../shared/model/codebook';
import type { Stakeholder } from '../../shared/model/stakeholder';
import type { Suggestion } from '../../shared/model/suggestion';
import { figureUnit, suggestionGroupId } from '../../shared/model/suggestion-group';
import { STAKEHOLDER_KIND_LABELS } from '../../shared/model/vocabulary';
import { type NameLexicon, nameLexicon } from './name-lexicon';
import { isTitleWord } from './person-titles';
import type { StoredGroup } from './review-queue-files';

/**
 * Gathers a run's suggestions, document by document, into the groups one decision covers
 * (shared/model/suggestion-group.ts), named for the researcher with the project's codebook and
 * register. Keeps counts only: a group's members are found again when it is decided.
 */
export class ReviewGroupBuilder {
  readonly #groups = new Map<string, StoredGroup>();

  constructor(
    private readonly codebook: Codebook,
    private readonly register: readonly Stakeholder[],
  ) {}

  add(key: string, suggestions: readonly Suggestion[]): void {
    const here = new Map<string, number>();
    for (const suggestion of suggestions) {
      const id = suggestionGroupId(suggestion);
      if (!this.#groups.has(id)) this.#groups.set(id, this.#newGroup(id, suggestion));
      here.set(id, (here.get(id) ?? 0) + 1);
    }
    for (const [id, count] of here) {
      const group = this.#groups.get(id)!;
      group.mentions += count;
      group.documents += 1;
      group.byDocument.push({ key, count });
    }
  }

  /** The groups, the most mentions first (then the most documents, then by name). */
  groups(): StoredGroup[] {
    const groups = foldShortForms([...this.#groups.values()], this.register, nameLexicon(), (entry) =>
      this.#entryGroup(entry),
    );
    for (const group of groups)
      group.byDocument.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    return groups.sort(
      (a, b) => b.mentions - a.mentions || b.documents - a.documents || a.label.localeCompare(b.label),
    );
  }

  /** The group of a register entry's mentions, for short forms of it when the run found no mention. */
  #entryGroup(entry: Stakeholder): StoredGroup {
    const id = `stakeholder:${entry.id}`;
    return (
      this.#groups.get(id) ?? {
        id,
        kind: 'stakeholder',
        code: this.codebook.codes.find((c) => c.id === 'stakeholder')?.id ?? 'stakeholder',
        label: entry.name,
        detail: `${STAKEHOLDER_KIND_LABELS[entry.kind]} in the register`,
        stakeholderId: entry.id,
        mentions: 0,
        documents: 0,
        byDocument: [],
      }
    );
  }

  #newGroup(id: string, suggestion: Suggestion): StoredGroup {
    const codeName = this.codebook.codes.find((c) => c.id === suggestion.code)?.name ?? suggestion.code;
    const base = {
      id,
      kind: suggestion.kind,
      code: suggestion.code,
      mentions: 0,
      documents: 0,
      byDocument: [],
    };
    switch (suggestion.kind) {
      case 'candidate': {
        const wanted = suggestion.newStakeholder ?? { name: suggestion.quote, kind: 'company' as const };
        return {
          ...base,
          label: wanted.name,
          detail: STAKEHOLDER_KIND_LABELS[wanted.kind],
          newStakeholder: wanted,
        };
      }
      case 'stakeholder': {
        const entry = this.register.find((s) => s.id === suggestion.stakeholderId);
        return {
          ...base,
          label: entry?.name ?? suggestion.quote,
          detail: entry ? `${STAKEHOLDER_KIND_LABELS[entry.kind]} in the register` : 'in the register',
          ...(suggestion.stakeholderId ? { stakeholderId: suggestion.stakeholderId } : {}),
        };
      }
      case 'figure':
        return { ...base, label: codeName, detail: figureUnit(suggestion) || 'figure' };
      case 'search':
        return {
          ...base,
          label: `“${suggestion.query ?? ''}”`,
          detail: `search hit as ${codeName}`,
          query: suggestion.query ?? '',
        };
    }
  }
}

const MEN = new Set(['mr']);
const WOMEN = new Set(['mrs', 'ms', 'miss']);

/** How the news addresses a person by surname: "Mr Blair", "Dr. Reid". */
const ADDRESS = /^(mr|mrs|ms|miss|dr)\.? (\S+)$/i;

const lastWord = (name: string) => name.trim().split(/\s+/).at(-1)!.toLocaleLowerCase('en');

/** Items by the last word of their name, folded. */
function bySurname<T>(items: readonly T[], name: (item: T) => string): Map<string, T[]> {
  const found = new Map<string, T[]>();
  for (const item of items) {
    const surname = lastWord(name(item));
    found.set(surname, [...(found.get(surname) ?? []), item]);
  }
  return found;
}

/**
 * Folds each possible new person written as a title and a surname ("Mr Blair") into the one full
 * name it can stand for: a person in the register with that surname (Tony Blair's mentions), else
 * a possible new person of the run with it ("Tony Blair"). With none, or two (Gordon and Nick
 * Brown), it stays a group of its own, as it was written.
 */
export function foldShortForms(
  groups: StoredGroup[],
  register: readonly Stakeholder[],
  lexicon: NameLexicon,
  entryGroup: (entry: Stakeholder) => StoredGroup,
): StoredGroup[] {
  // A full name is a first name and a surname at least, titles aside ("Sir Howard" is not one).
  const isFullName = (name: string) => {
    const words = name.trim().split(/\s+/);
    while (words.length > 0 && isTitleWord(words[0]!.toLocaleLowerCase('en').replace(/\.$/, ''), lexicon))
      words.shift();
    return words.length >= 2;
  };
  // "Mrs Wilkinson" is not Jonny Wilkinson: a title that says whether a man or a woman is meant
  // only joins a full name whose first name does not say the other.
  const fits = (title: string, name: string) => {
    const tags = lexicon.tags(name.trim().split(/\s+/)[0]!.toLocaleLowerCase('en')) ?? [];
    const wanted = MEN.has(title) ? 'FemaleName' : WOMEN.has(title) ? 'MaleName' : undefined;
    return wanted === undefined || !tags.includes(wanted);
  };
  const registered = bySurname(
    register.filter((s) => s.kind === 'person' && isFullName(s.name)),
    (s) => s.name,
  );
  const fullNames = bySurname(
    groups.filter((g) => g.newStakeholder?.kind === 'person' && isFullName(g.label)),
    (g) => g.label,
  );
  const kept = new Map(groups.map((g) => [g.id, g]));
  for (const short of groups) {
    const address = short.newStakeholder?.kind === 'person' ? ADDRESS.exec(short.label.trim()) : null;
    if (!address) continue;
    const surname = address[2]!.toLocaleLowerCase('en');
    const title = address[1]!.toLocaleLowerCase('en');
    const entries = (registered.get(surname) ?? []).filter((s) => fits(title, s.name));
    const candidates = (fullNames.get(surname) ?? []).filter((g) => fits(title, g.label));
    const into =
      entries.length === 1
        ? entryGroup(entries[0]!)
        : entries.length === 0 && candidates.length === 1
          ? candidates[0]!
          : undefined;
    if (!into) continue;
    kept.delete(short.id);
    kept.set(into.id, mergeInto(kept.get(into.id) ?? into, short));
  }
  return [...kept.values()];
}

/** `into` with `short`'s mentions, documents and name added. */
function mergeInto(into: StoredGroup, short: StoredGroup): StoredGroup {
  const byDocument = new Map(into.byDocument.map((d) => [d.key, d.count]));
  for (const { key, count } of short.byDocument) byDocument.set(key, (byDocument.get(key) ?? 0) + count);
  return {
    ...into,
    mentions: into.mentions + short.mentions,
    documents: byDocument.size,
    byDocument: [...byDocument].map(([key, count]) => ({ key, count })),
    members: [...(into.members ?? []), short.id],
    aliases: [...(into.aliases ?? []), short.label],
  };
}
