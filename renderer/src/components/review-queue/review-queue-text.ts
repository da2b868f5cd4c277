import type { ReviewQueue, SuggestionGroup } from '../../../../shared/model/suggestion-group';
import { groupOpen } from '../../../../shared/model/suggestion-group';

/** One formatter for every count: toLocaleString makes one per call, which shows in a step's time. */
const COUNTS = new Intl.NumberFormat('en');

/** Counts as the panel writes them: "3,180". */
export const count = (n: number): string => COUNTS.format(n);

const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** "412 of 3,180 reviewed": suggestions decided through the queue, of all it holds. */
export function progressText(queue: Pick<ReviewQueue, 'reviewed' | 'total'>): string {
  return `${count(queue.reviewed)} of ${count(queue.total)} reviewed`;
}

/** The entry button: "Review 3,180 suggestions in 305 groups", or "Resume review: 412 of 3,180 reviewed". */
export function entryText(queue: ReviewQueue): string {
  return queue.reviewed === 0
    ? `Review ${plural(queue.total, 'suggestion', 'suggestions')} in ${plural(queue.groups.length, 'group', 'groups')}`
    : `Resume review: ${progressText(queue)}`;
}

/**
 * The card's heading: "Microsoft · company · 4 mentions here, 37 in 12 documents", with the
 * short forms folded in: "Tony Blair (also “Mr Blair”) · person · …". `here`: on
 * offer in the document shown now (null while its suggestions load).
 */
export function groupHeading(group: SuggestionGroup, here: number | null): string {
  const inDocument = here === null ? '… mentions here' : `${plural(here, 'mention', 'mentions')} here`;
  const overall = `${count(group.mentions)} in ${plural(group.documents, 'document', 'documents')}`;
  // Short forms folded into the group, which accepting makes aliases: "Tony Blair (also “Mr Blair”)".
  const also = group.aliases?.length ? ` (also ${group.aliases.map((a) => `“${a}”`).join(', ')})` : '';
  return `${group.label}${also} · ${group.detail} · ${inDocument}, ${overall}`;
}

/** Where a group stands: "Open", "Skipped for later", "Accepted in 3 of 12 documents"… */
export function groupState(group: SuggestionGroup): string {
  let accepted = 0;
  let rejected = 0;
  for (const d of group.byDocument) {
    if (d.decision === 'accepted') accepted++;
    else if (d.decision === 'rejected') rejected++;
  }
  const of = group.byDocument.length;
  const parts = [
    accepted > 0 &&
      `accepted in ${accepted === of ? 'every document' : `${count(accepted)} of ${count(of)}`}`,
    rejected > 0 &&
      `rejected in ${rejected === of ? 'every document' : `${count(rejected)} of ${count(of)}`}`,
  ].filter(Boolean) as string[];
  const decided = parts.length === 0 ? '' : parts.join(', ');
  const open = groupOpen(group);
  const state = !open ? 'Done' : group.skipped ? 'Skipped for later' : decided ? 'Partly decided' : 'Open';
  return decided ? `${state}: ${decided}` : state;
}
