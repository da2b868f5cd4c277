/** Names as the import merges them: case and runs of spaces do not count (apply-import.ts). */
import { foldName as folded } from '../../../shared/text/fold-name';
import type { PlannedCode, PlannedStakeholder } from '../import-plan';
import type { SourceSpan } from './jsonl-shapes';

/**
 * The codes, stakeholders and relation types a JSON Lines import names, gathered span by span.
 * `add` returns what contradicts an earlier line (a code in two groups, a stakeholder of two
 * kinds), to be reported where it was found.
 */
export class PlanVocabulary {
  private readonly codes = new Map<string, { code: PlannedCode; line: number }>();
  private readonly groups = new Map<string, PlannedCode>();
  private readonly stakeholders = new Map<string, { stakeholder: PlannedStakeholder; line: number }>();
  private readonly relationTypes = new Map<string, string>();

  addSpan(span: SourceSpan, line: number): string[] {
    const problems: string[] = [];
    const known = this.codes.get(folded(span.label));
    if (!known) {
      this.codes.set(folded(span.label), { code: { name: span.label, group: span.group }, line });
    } else if (span.group && known.code.group && folded(span.group) !== folded(known.code.group)) {
      problems.push(
        `the code "${span.label}" is in the group "${span.group}" here but in "${known.code.group}" on line ${known.line}`,
      );
    } else if (span.group && !known.code.group) {
      known.code.group = span.group;
    }
    if (span.group) this.addGroup(span.group, span);
    if (span.stakeholder) {
      const { name, kind } = span.stakeholder;
      const seen = this.stakeholders.get(folded(name));
      if (!seen) this.stakeholders.set(folded(name), { stakeholder: { name, kind }, line });
      else if (seen.stakeholder.kind !== kind)
        problems.push(
          `the stakeholder "${name}" is a ${kind} here but a ${seen.stakeholder.kind} on line ${seen.line}`,
        );
    }
    return problems;
  }

  addRelationType(name: string): void {
    if (!this.relationTypes.has(folded(name))) this.relationTypes.set(folded(name), name);
  }

  /** Groups first, so that each code's group is there before it. */
  plannedCodes(): PlannedCode[] {
    const groups = [...this.groups.values()].filter((group) => !this.codes.has(folded(group.name)));
    return [...groups, ...[...this.codes.values()].map(({ code }) => code)];
  }

  plannedStakeholders(): PlannedStakeholder[] {
    return [...this.stakeholders.values()].map(({ stakeholder }) => stakeholder);
  }

  plannedRelationTypes(): string[] {
    return [...this.relationTypes.values()];
  }

  /**
   * A group's role decides what its codes carry in Gloss, so a new group takes the one its spans
   * show: figure values make a figure group, register links a stakeholder group.
   */
  private addGroup(name: string, span: SourceSpan): void {
    let group = this.groups.get(folded(name));
    if (!group) {
      group = { name, codable: false };
      this.groups.set(folded(name), group);
    }
    if (span.value) group.role = 'figure';
    else if (span.stakeholder && !group.role) group.role = 'stakeholder';
  }
}
