import type { CurationItem, CurationItemState, CurationState } from '../../../shared/api';
import type { CurationDecision } from '../../../shared/model/curation';

/**
 * A walk-through's disagreements as one sequence, and its changes, pure: the curation slice
 * keeps the server's `CurationState` and changes it here as decisions are made, so the screen
 * shows each decision at once and never reads the whole project again for it.
 */

/** One disagreement of a walk-through: its document and the two passages' ids (null where only one marked it). */
export interface CurationRef {
  key: string;
  aId: string | null;
  bId: string | null;
}

/** A disagreement with its place in the walk-through (from 0, over every document). */
export interface PlacedItem {
  ref: CurationRef;
  item: CurationItem;
  title: string;
  position: number;
}

export function refOf(key: string, item: CurationItem): CurationRef {
  return { key, aId: item.a?.annotationId ?? null, bId: item.b?.annotationId ?? null };
}

export function sameRef(x: CurationRef, y: CurationRef): boolean {
  return x.key === y.key && x.aId === y.aId && x.bId === y.bId;
}

/** Every disagreement in walk-through order: documents in list order, each in text order. */
export function placedItems(state: CurationState): PlacedItem[] {
  const placed: PlacedItem[] = [];
  for (const document of state.byDocument) {
    for (const item of document.items) {
      placed.push({ ref: refOf(document.key, item), item, title: document.title, position: placed.length });
    }
  }
  return placed;
}

export function findPlaced(items: readonly PlacedItem[], ref: CurationRef | null): PlacedItem | undefined {
  return ref ? items.find((placed) => sameRef(placed.ref, ref)) : undefined;
}

/**
 * The next disagreement still open after `from` (or from the start), coming round to those
 * before it; null when none is open.
 */
export function nextOpen(items: readonly PlacedItem[], from: CurationRef | null): PlacedItem | null {
  const start = (findPlaced(items, from)?.position ?? -1) + 1;
  for (let i = 0; i < items.length; i++) {
    const placed = items[(start + i) % items.length]!;
    if (placed.item.state === 'open') return placed;
  }
  return null;
}

/** The disagreement `step` places from `from` (the first or the last when none is), or null past either end. */
export function stepFrom(
  items: readonly PlacedItem[],
  from: CurationRef | null,
  step: 1 | -1,
): PlacedItem | null {
  const at = findPlaced(items, from);
  if (!at) return (step === 1 ? items[0] : items.at(-1)) ?? null;
  return items[at.position + step] ?? null;
}

export function stateOf(decision: CurationDecision | null): CurationItemState {
  return !decision ? 'open' : decision.decision === 'skip' ? 'skipped' : 'decided';
}

/**
 * The state with one disagreement's decision replaced (null: open again), its counts moved with
 * it; unchanged when `replacing` is given and is no longer the decision shown (a later one is).
 */
export function withDecision(
  state: CurationState,
  ref: CurationRef,
  decision: CurationDecision | null,
  replacing?: CurationDecision | null,
): CurationState {
  const now = stateOf(decision);
  let was: CurationItemState | null = null;
  const byDocument = state.byDocument.map((document) => {
    if (document.key !== ref.key) return document;
    const items = document.items.map((item) => {
      if (!sameRef(refOf(document.key, item), ref)) return item;
      if (replacing !== undefined && item.decision !== replacing) return item;
      was = item.state;
      return { ...item, state: now, decision };
    });
    if (was === null) return document;
    return { ...document, items, counts: moved(document.counts, was, now) };
  });
  if (was === null) return state;
  return { ...state, byDocument, counts: moved(state.counts, was, now) };
}

function moved(
  counts: Record<CurationItemState, number>,
  from: CurationItemState,
  to: CurationItemState,
): Record<CurationItemState, number> {
  if (from === to) return counts;
  return { ...counts, [from]: counts[from] - 1, [to]: counts[to] + 1 };
}
