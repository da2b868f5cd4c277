/**
 * Re-attaching annotations after an article's text changed on disk.
 *
 * Pass 1 is cheap and settles almost everything: a target whose quote and whole stored context
 * (32 characters either side) are at its old offset, or at its old offset moved by the shift
 * of the target placed before it, or near there, or (one scan) anywhere, is placed; each
 * placement updates the shift, so one insertion near the start of a long text moves every
 * later target in O(1).
 * Pass 2 takes the rest, one by one: it expects each target where its placed neighbours'
 * shifts say it would be, gathers exact, re-wrapped and approximate occurrences near there
 * (exact and re-wrapped ones anywhere, if none near will do), scores them by quote, context
 * and distance (score.ts), and takes the best acceptable one; failing that, the text between
 * its old prefix and suffix; failing that, it is an orphan. Every target gets a placement.

 * Offsets are UTF-16 code units, end exclusive; no placement splits a surrogate pair.
 */
import type { TextTarget } from '../model/annotation';
import { splitsSurrogatePair } from '../text/offsets';
import { type Candidate, CandidateSearch, type Window } from './candidates';
import { fold } from './folded-text';
import { acceptable, maxErrors, type Scored, SELF_EVIDENT_LENGTH, type Sought, score, sought } from './score';

export type Placement = { kind: 'same' | 'moved' | 'fuzzy'; start: number; end: number } | { kind: 'orphan' };

/** How far around its expected position pass 1 looks for a target with its whole context. */
const QUICK_REACH = 1024;
/** How far around its expected positions pass 2 looks before searching the whole text. */
const LOCAL_REACH = 2048;
/** Candidates scored per search, the nearest to the expected position first. */
const MAX_CANDIDATES = 256;

interface Anchor {
  /** Old start of a placed target, and how far it moved. */
  old: number;
  shift: number;
}

/** Where each stored target belongs in `text` (the article's new text); same order as `targets`. */
export function reanchor(text: string, targets: readonly TextTarget[]): Placement[] {
  const placements = new Array<Placement>(targets.length);
  const order = targets.map((_, i) => i).sort((a, b) => targets[a]!.start - targets[b]!.start || a - b);
  const anchors: Anchor[] = [];
  const pending: number[] = [];
  let shift = 0;
  for (const i of order) {
    const target = targets[i]!;
    const at = findInContext(text, target, shift);
    if (at === -1) {
      pending.push(i);
      continue;
    }
    placements[i] = place(text, target, { start: at, end: at + target.quote.length });
    shift = at - target.start;
    anchors.push({ old: target.start, shift });
  }
  if (pending.length === 0) return placements;

  const search = new CandidateSearch(text);
  let previous: Anchor | undefined;
  for (const i of pending) {
    const target = targets[i]!;
    const expected = expectedStarts(anchors, previous, target.start);
    const found = locate(search, target, expected);
    placements[i] = found ? place(text, target, found) : { kind: 'orphan' };
    if (found) previous = { old: target.start, shift: found.start - target.start };
  }
  return placements;
}

function hasContextAt(text: string, target: TextTarget, at: number): boolean {
  return (
    at - target.prefix.length >= 0 &&
    text.startsWith(target.quote, at) &&
    text.startsWith(target.prefix, at - target.prefix.length) &&
    text.startsWith(target.suffix, at + target.quote.length)
  );
}

/** The start of the quote with its whole context at, or nearest to, its old start plus `shift`; -1 if none. */
function findInContext(text: string, target: TextTarget, shift: number): number {
  if (target.quote === '') return -1;
  if (hasContextAt(text, target, target.start)) return target.start;
  const guess = target.start + shift;
  if (hasContextAt(text, target, guess)) return guess;
  let best = -1;
  const last = guess + QUICK_REACH;
  for (let at = text.indexOf(target.quote, Math.max(0, guess - QUICK_REACH)); at !== -1 && at <= last; ) {
    if (hasContextAt(text, target, at) && (best === -1 || Math.abs(at - guess) < Math.abs(best - guess))) {
      best = at;
    }
    at = text.indexOf(target.quote, at + 1);
  }
  if (best !== -1) return best;
  // Further off (after a long deletion, say): quote and context as one string, which a single
  // scan finds; once one target is found there, the targets after it are found at once.
  const whole = target.prefix + target.quote + target.suffix;
  for (let at = text.indexOf(whole); at !== -1; at = text.indexOf(whole, at + 1)) {
    const start = at + target.prefix.length;
    if (best === -1 || Math.abs(start - guess) < Math.abs(best - guess)) best = start;
  }
  return best;
}

/**
 * Where the target should start if it moved as its neighbours did: by the shift of the nearest
 * placed target before it and of the nearest one after it (an edit between them makes these differ).
 */
function expectedStarts(anchors: readonly Anchor[], previous: Anchor | undefined, old: number): number[] {
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (anchors[mid]!.old <= old) lo = mid + 1;
    else hi = mid;
  }
  // The start of the text stays put: it is the anchor before the first target.
  let before = anchors[lo - 1] ?? { old: 0, shift: 0 };
  if (previous && previous.old > before.old) before = previous;
  const after = anchors[lo];
  const expected = [before, after].filter((a) => a !== undefined).map((a) => old + a.shift);
  return [...new Set(expected)];
}

function locate(
  search: CandidateSearch,
  target: TextTarget,
  expected: readonly number[],
): Scored | undefined {
  const { text } = search;
  const wanted = sought(target, expected);
  if (wanted.length === 0) return undefined;
  const near: Window = {
    from: Math.min(...expected) - LOCAL_REACH,
    to: Math.max(...expected) + LOCAL_REACH,
  };
  const whole: Window = { from: 0, to: text.length };
  const allowed = maxErrors(wanted.length);
  const nearby = best(text, wanted, [
    ...search.exact(target.quote, near),
    ...search.refolded(target.quote, near),
    ...search.approximate(target.quote, near, allowed, expected),
  ]);
  if (nearby) return nearby;
  // Far away, only the quote as it was (re-wrapped at most): an approximate search of a whole
  // long text would cost tens of milliseconds for every orphan, and a passage both moved far
  // and edited is rare.
  if (near.from > 0 || near.to < text.length) {
    const far = [...search.exact(target.quote, whole), ...search.refolded(target.quote, whole)];
    const anywhere = best(
      text,
      wanted,
      wanted.length >= SELF_EVIDENT_LENGTH ? far : far.filter((c) => touchesContext(text, wanted, c)),
    );
    if (anywhere) return anywhere;
  }
  // Bracketing serves a quote edited where it stood, so only around the expected starts.
  const maxGap = target.quote.length + Math.max(2, allowed * 2);
  const bracketed = expected.flatMap((e) =>
    search.bracketed(
      target.quote,
      target.prefix,
      target.suffix,
      { from: e - maxGap, to: e + maxGap },
      maxGap,
    ),
  );
  return best(text, wanted, bracketed);
}

function best(text: string, wanted: Sought, candidates: readonly Candidate[]): Scored | undefined {
  const distance = (c: Candidate) => Math.min(...wanted.expected.map((e) => Math.abs(c.start - e)));
  const nearest =
    candidates.length > MAX_CANDIDATES
      ? [...candidates].sort((a, b) => distance(a) - distance(b)).slice(0, MAX_CANDIDATES)
      : candidates;
  let chosen: Scored | undefined;
  for (const candidate of nearest) {
    const scored = score(text, wanted, candidate);
    if (acceptable(scored, wanted.length) && (!chosen || scored.total > chosen.total)) chosen = scored;
  }
  return chosen;
}

/** Context that must be next to a far candidate, on one side at least, before it is worth scoring. */
const TOUCHING = 8;

/**
 * Whether the text right next to a candidate is the stored context. A common quote ("said")
 * occurs thousands of times in a long text; only those with their context beside them could
 * pass `acceptable`, and checking that first saves scoring the rest.
 */
function touchesContext(text: string, wanted: Sought, candidate: Candidate): boolean {
  const before = fold(text.slice(Math.max(0, candidate.start - 2 * TOUCHING), candidate.start));
  const after = fold(text.slice(candidate.end, candidate.end + 2 * TOUCHING));
  return (
    (wanted.prefix.length > 0 && before.endsWith(wanted.prefix.slice(-TOUCHING))) ||
    (wanted.suffix.length > 0 && after.startsWith(wanted.suffix.slice(0, TOUCHING)))
  );
}

/** The placement for a span, widened where it would split a surrogate pair. */
function place(text: string, target: TextTarget, span: { start: number; end: number }): Placement {
  let { start, end } = span;
  if (splitsSurrogatePair(text, start)) start--;
  if (splitsSurrogatePair(text, end)) end++;
  if (start >= end) return { kind: 'orphan' };
  if (text.slice(start, end) !== target.quote) return { kind: 'fuzzy', start, end };
  return { kind: start === target.start && end === target.end ? 'same' : 'moved', start, end };
}
