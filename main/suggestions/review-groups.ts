import type { Codebook } from '../../shared/model/codebook';
import type { Stakeholder } from '../../shared/model/stakeholder';
import type { Suggestion } from '../../shared/model/suggestion';
import { figureUnit, suggestionGroupId } from '../../shared/model/suggestion-group';
import { STAKEHOLDER_KIND_LABELS } from '../../shared/model/vocabulary';
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
    const groups = [...this.#groups.values()];
    for (const group of groups)
      group.byDocument.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    return groups.sort(
      (a, b) => b.mentions - a.mentions || b.documents - a.documents || a.label.localeCompare(b.label),
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
