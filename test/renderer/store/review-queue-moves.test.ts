import { describe, expect, it } from 'vitest';
import {
  decideGroup,
  documentToShow,
  groupCounts,
  nextOpenIndex,
  resumeIndex,
  undecideGroup,
  withGroup,
} from '../../../renderer/src/store/review-queue-moves';
import type { ReviewQueue, SuggestionGroup } from '../../../shared/model/suggestion-group';

/** A group of `counts` mentions in documents a.txt, b.txt…, nothing decided. */
function group(id: string, counts: number[], extra: Partial<SuggestionGroup> = {}): SuggestionGroup {
  return {
    id,
    kind: 'candidate',
    code: 'stakeholder',
    label: id,
    detail: 'company',
    mentions: counts.reduce((a, b) => a + b, 0),
    documents: counts.length,
    byDocument: counts.map((count, i) => ({ key: `${String.fromCharCode(97 + i)}.txt`, count })),
    reviewed: 0,
    ...extra,
  };
}

describe('the review queue’s moves', () => {
  it('decides the documents not decided yet, here or everywhere, and takes them back', () => {
    const microsoft = group('microsoft', [3, 2, 1]);
    const here = decideGroup(microsoft, 'rejected', ['b.txt']);
    expect(here.decided).toEqual(['b.txt']);
    expect(here.group.reviewed).toBe(2);
    const everywhere = decideGroup(here.group, 'accepted');
    // b.txt keeps its rejection: only a.txt and c.txt are decided now.
    expect(everywhere.decided).toEqual(['a.txt', 'c.txt']);
    expect(everywhere.group.byDocument.map((d) => d.decision)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(everywhere.group.reviewed).toBe(6);
    // Nothing left: the same group back, nothing decided.
    expect(decideGroup(everywhere.group, 'accepted')).toEqual({ group: everywhere.group, decided: [] });
    const undone = undecideGroup(everywhere.group, everywhere.decided);
    expect(undone.byDocument.map((d) => d.decision ?? null)).toEqual([null, 'rejected', null]);
    expect(undone.reviewed).toBe(2);
  });

  it('replaces one group of the queue, sharing the others, its totals following', () => {
    const groups = [group('a', [2]), group('b', [1, 1]), group('c', [1])];
    const queue: ReviewQueue = { builtAt: 'then', total: 6, reviewed: 0, groups };
    const decided = withGroup(queue, 1, decideGroup(groups[1]!, 'accepted').group);
    expect(decided.reviewed).toBe(2);
    expect(decided.groups[0]).toBe(groups[0]);
    expect(decided.groups[2]).toBe(groups[2]);
    expect(queue.groups[1]!.reviewed).toBe(0);
    expect(groupCounts(decided)).toEqual({ decided: 1, left: 2 });
  });

  it('goes on to the next open group, wrapping round, those set aside last', () => {
    const done = decideGroup(group('done', [1]), 'accepted').group;
    const groups = [group('a', [1]), group('skipped', [1], { skipped: true }), done, group('d', [1])];
    expect(nextOpenIndex(groups, 0)).toBe(3);
    expect(nextOpenIndex(groups, 3)).toBe(0);
    expect(nextOpenIndex([groups[0]!, groups[1]!, done], 0)).toBe(1);
    expect(nextOpenIndex([groups[0]!], 0)).toBe(-1);
    expect(resumeIndex(groups)).toBe(0);
    expect(resumeIndex([done, groups[1]!])).toBe(1);
    expect(resumeIndex([done])).toBe(-1);
  });

  it('shows a group in its undecided document with the most mentions', () => {
    const rejected = decideGroup(group('g', [5, 3, 1]), 'rejected', ['a.txt']).group;
    expect(documentToShow(rejected)).toBe('b.txt');
    expect(documentToShow(decideGroup(rejected, 'accepted').group)).toBe('a.txt');
  });
});
