/**
 * The measurement the re-anchoring issue asks for: 200 annotated BBC articles from the corpus,
 * each edited as a writer would edit it, then re-anchored in one go (the text changed on disk
 * between two sessions). An annotation is right when it lands on its ground-truth span, or is an
 * orphan when its text was deleted, with a one-code-unit allowance where an edit changed the
 * quote itself (see judge in edit-simulator.ts). A wrong placement is counted apart from an
 * orphan: it is the worse failure. test/main/project/corpus-reattach.test.ts measures the same
 * through a project's storage.
 */
import { describe, expect, it } from 'vitest';
import { type Placement, reanchor } from '../../../shared/anchoring/reanchor';
import type { AnnotationKind } from './corpus-annotations';
import { CORPUS_SEED, EDIT_KINDS, type EditKind, editedCorpus, judge, type Verdict } from './edit-simulator';

function count<K extends string>(tally: Map<K, number>, key: K, by = 1): void {
  tally.set(key, (tally.get(key) ?? 0) + by);
}

describe('re-anchoring annotations on edited corpus articles', () => {
  it('re-attaches at least 98% of annotations to the right text and loses none', () => {
    const pool = editedCorpus();
    const edits = new Map<EditKind, number>();
    const kinds = new Map<Placement['kind'], number>();
    const verdicts = new Map<Verdict, number>();
    const byAnnotation = new Map<AnnotationKind, { all: number; right: number }>();
    const failures: string[] = [];
    let annotations = 0;
    let deleted = 0;
    let reanchorMs = 0;

    for (const { annotations: annotated, edited: text, edits: made } of pool) {
      for (const kind of made) count(edits, kind);
      const t = performance.now();
      const placements = reanchor(
        text.text,
        annotated.map((a) => a.target),
      );
      reanchorMs += performance.now() - t;
      annotated.forEach((a, i) => {
        const truth = text.truth[i]!;
        const placement = placements[i];
        const verdict =
          placements.length === annotated.length
            ? judge(text.text, a.target.quote, placement, truth)
            : 'lost';
        annotations++;
        if (truth === 'deleted') deleted++;
        if (placement) count(kinds, placement.kind);
        count(verdicts, verdict);
        const tally = byAnnotation.get(a.kind) ?? { all: 0, right: 0 };
        tally.all++;
        if (verdict === 'right') tally.right++;
        byAnnotation.set(a.kind, tally);
        if (verdict !== 'right' && failures.length < 12) {
          const got =
            placement?.kind === 'orphan' || !placement
              ? 'orphan'
              : text.text.slice(placement.start, placement.end);
          const want = truth === 'deleted' ? '(deleted)' : text.text.slice(truth.start, truth.end);
          failures.push(
            `  ${verdict}: ${JSON.stringify(a.target.quote)} → ${JSON.stringify(got)}, truth ${JSON.stringify(want)}`,
          );
        }
      });
    }

    const right = verdicts.get('right') ?? 0;
    const share = right / annotations;
    const lines = [
      `Re-anchoring on ${pool.length} edited BBC articles (seed ${CORPUS_SEED})`,
      `  annotations                  ${annotations} (${deleted} whose text was deleted)`,
      `  edits                        ${[...edits.values()].reduce((a, b) => a + b, 0)}`,
      ...EDIT_KINDS.map((k) => `    ${k.padEnd(27)}${edits.get(k) ?? 0}`),
      `  placements                   ${(['same', 'moved', 'fuzzy', 'orphan'] as const).map((k) => `${k} ${kinds.get(k) ?? 0}`).join(', ')}`,
      `  right                        ${right} (${(share * 100).toFixed(2)}%)`,
      ...[...byAnnotation].map(([k, t]) => `    ${k.padEnd(27)}${t.right}/${t.all}`),
      `  wrong placements             ${verdicts.get('wrong placement') ?? 0}`,
      `  orphans whose text was there ${verdicts.get('orphan, text still there') ?? 0}`,
      `  lost                         ${verdicts.get('lost') ?? 0}`,
      `  reanchor time                ${reanchorMs.toFixed(1)} ms in all, ${(reanchorMs / pool.length).toFixed(2)} ms per article`,
      ...(failures.length > 0 ? ['  first misses:', ...failures] : []),
    ];
    console.log(lines.join('\n'));

    expect(pool).toHaveLength(200);
    expect(verdicts.get('lost') ?? 0).toBe(0);
    expect(share).toBeGreaterThanOrEqual(0.98);
  });
});
