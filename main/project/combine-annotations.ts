/** What combining needs of an annotation: its id, its place, and the register entry it mentions. */
interface Placed {
  id: string;
  target: { start: number; end: number };
  stakeholderId?: string;
}

/** What combining needs of a relation: the annotations it links. */
interface Linked {
  from: string;
  to: string;
}

/**
 * Every annotator's files of one document as one list of annotations in text order, with the
 * relations between annotations placed in the text: what the reader shows, and what the analyses
 * count (from whole files or from their digests).
 */
export function combineAnnotations<A extends Placed, R extends Linked>(
  own: { annotations: readonly A[]; relations: readonly R[] } | undefined,
  others: readonly { annotations: readonly A[]; relations: readonly R[] }[],
  /** The register's merges: a merged stakeholder's id → the id it was merged into. */
  redirects: Readonly<Record<string, string>>,
): { annotations: A[]; relations: R[] } {
  // Called for every document of a project at once by the analyses: loops, no closures made per call.
  const files = own ? [own, ...others] : others;
  // One file (most documents): its annotations as they are, sorted if they were not.
  const annotations: A[] = others.length === 0 ? [...(own?.annotations ?? [])] : [];
  if (others.length > 0) {
    for (const a of own?.annotations ?? []) annotations.push(a);
    for (const file of others) for (const a of file.annotations) annotations.push(resolved(a, redirects));
  }
  if (!inTextOrder(annotations)) annotations.sort(byPlace);
  const relations: R[] = [];
  let related = false;
  for (const file of files) related ||= file.relations.length > 0;
  if (related) {
    // An orphan's relations wait in its file until it is re-attached; until then they link to nothing shown.
    const placed = new Set<string>();
    for (const a of annotations) placed.add(a.id);
    for (const file of files) {
      for (const r of file.relations) if (placed.has(r.from) && placed.has(r.to)) relations.push(r);
    }
  }
  return { annotations, relations };
}

/** Others' mentions of a merged stakeholder show as mentions of the one it was merged into. */
function resolved<A extends Placed>(a: A, redirects: Readonly<Record<string, string>>): A {
  const to = a.stakeholderId ? redirects[a.stakeholderId] : undefined;
  return to && to !== a.stakeholderId ? { ...a, stakeholderId: to } : a;
}

function byPlace(a: Placed, b: Placed): number {
  return a.target.start - b.target.start || a.target.end - b.target.end;
}

/** Whether the annotations are sorted already, as files Gloss writes hold them: the sort is then skipped. */
function inTextOrder(annotations: readonly Placed[]): boolean {
  for (let i = 1; i < annotations.length; i++)
    if (byPlace(annotations[i - 1]!, annotations[i]!) > 0) return false;
  return true;
}
