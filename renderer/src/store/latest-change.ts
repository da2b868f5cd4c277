/**
 * Which change of each annotation or relation the screen shows last. Saves are answered one after
 * another, each with the item as that request left it, and an answer replaces the shown item with
 * that saved copy. An answer to an earlier change must not take back a later one already shown: a
 * redo pressed while its undo was still being saved would otherwise vanish from the screen until
 * its own answer came, and stay gone if that save failed (a failed change stays on screen).
 */
export interface LatestChanges {
  /** Notes a change of `id` shown now; the function returned says whether it is still the latest. */
  shown(id: string): () => boolean;
}

export function latestChanges(): LatestChanges {
  const latest = new Map<string, number>();
  let counter = 0;
  return {
    shown(id) {
      const change = ++counter;
      latest.set(id, change);
      return () => {
        if (latest.get(id) !== change) return false;
        // Answered and still the latest: nothing newer to protect, so the entry goes.
        latest.delete(id);
        return true;
      };
    },
  };
}
