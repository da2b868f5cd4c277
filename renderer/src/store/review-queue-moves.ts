import {
  type GroupInDocument,
  groupOpen,
  type ReviewQueue,
  type SuggestionGroup,
} from '../../../shared/model/suggestion-group';

/**
 * The review queue's state changes and walks, pure: the slice applies them to the screen's copy at
 * once and sends the same decision to the project. A queue may hold thousands of groups (6,600 on
 * the BBC corpus): a change makes a new groups array and a new object for the changed group only.
 */

export type GroupDecision = NonNullable<GroupInDocument['decision']>;

/** The queue with the group at `index` replaced, its totals following. */
export function withGroup(queue: ReviewQueue, index: number, group: SuggestionGroup): ReviewQueue {
  const before = queue.groups[index];
  if (!before || before === group) return queue;
  const groups = queue.groups.slice();
  groups[index] = group;
  return { ...queue, groups, reviewed: queue.reviewed + group.reviewed - before.reviewed };
}

/**
 * The group after `decision` in the documents of `keys`, or in every document when absent; a
 * document decided already keeps its decision (nothing of the group is on offer there any more).
 * `decided`: the documents this decision changed, for undo.
 */
export function decideGroup(
  group: SuggestionGroup,
  decision: GroupDecision,
  keys?: readonly string[],
): { group: SuggestionGroup; decided: string[] } {
  const only = keys ? new Set(keys) : null;
  const decided: string[] = [];
  let reviewed = group.reviewed;
  const byDocument = group.byDocument.map((d) => {
    if (d.decision || (only && !only.has(d.key))) return d;
    decided.push(d.key);
    reviewed += d.count;
    return { ...d, decision };
  });
  if (decided.length === 0) return { group, decided };
  return { group: { ...group, byDocument, reviewed: Math.min(reviewed, group.mentions) }, decided };
}

/** The group with the decisions in `keys` taken back: those documents are open again. */
export function undecideGroup(group: SuggestionGroup, keys: readonly string[]): SuggestionGroup {
  const only = new Set(keys);
  let reviewed = group.reviewed;
  const byDocument = group.byDocument.map((d) => {
    if (!d.decision || !only.has(d.key)) return d;
    reviewed -= d.count;
    const { decision: _, ...open } = d;
    return open;
  });
  return { ...group, byDocument, reviewed: Math.max(reviewed, 0) };
}

/**
 * Where reviewing resumes: the first group still open and not set aside, else the first set aside
 * that is still open; -1 when every group is decided.
 */
export function resumeIndex(groups: readonly SuggestionGroup[]): number {
  const first = groups.findIndex((g) => !g.skipped && groupOpen(g));
  return first !== -1 ? first : groups.findIndex(groupOpen);
}

/**
 * The next group to review after the one at `from`: the next open one not set aside (wrapping
 * round to the start), then those set aside (they come back after the rest); -1 when none is left.
 */
export function nextOpenIndex(groups: readonly SuggestionGroup[], from: number): number {
  const n = groups.length;
  for (const wanted of [false, true]) {
    for (let step = 1; step < n; step++) {
      const i = (from + step) % n;
      const group = groups[i]!;
      if (Boolean(group.skipped) === wanted && groupOpen(group)) return i;
    }
  }
  return -1;
}

/** The document a group is shown in: its undecided one with the most mentions, else its first. */
export function documentToShow(group: SuggestionGroup): string | null {
  return (group.byDocument.find((d) => !d.decision) ?? group.byDocument[0])?.key ?? null;
}

/** What the progress line counts: groups with nothing left to decide, and those still open. */
export function groupCounts(queue: ReviewQueue): { decided: number; left: number } {
  let left = 0;
  for (const group of queue.groups) if (groupOpen(group)) left++;
  return { decided: queue.groups.length - left, left };
}
