/**
 * The corpus re-anchoring measurement (test/shared/anchoring/corpus-reanchor.test.ts) through
 * Gloss's storage: the same 200 annotated BBC articles in a project folder, annotated through
 * Project, edited on disk, and opened again as after a restart. What counts is what the project
 * returns and what it saved: every annotation placed on its ground-truth span or kept as an
 * orphan, none lost, and a second opening changing nothing.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AnnotationFileSchema } from '../../../main/project/annotation-files-schema';
import { fingerprintOf } from '../../../main/project/document-reader';
import { ProjectLayout } from '../../../main/project/layout';
import { Project } from '../../../main/project/project';
import type { Placement } from '../../../shared/anchoring/reanchor';
import type { Annotation } from '../../../shared/model/annotation';
import type { AnnotationKind } from '../../shared/anchoring/corpus-annotations';
import {
  CORPUS_SEED,
  EDIT_KINDS,
  type EditKind,
  editedCorpus,
  judge,
  type Truth,
  type Verdict,
} from '../../shared/anchoring/edit-simulator';
import { makeTempProject, type TempProject } from '../../support/temp-project';

/** Codes of the default codebook; a stakeholder code needs no stakeholder, a figure code no value. */
const CODES: Record<AnnotationKind, string> = {
  name: 'stakeholder',
  figure: 'money',
  phrase: 'privacy',
  clause: 'privacy',
  sentence: 'security',
  word: 'free-expression',
};

/**
 * Gloss reads a text file's "\r\n" as "\n" (main/sources/decode-text.ts), and the simulator's
 * re-wrapping writes Windows line breaks a third of the time: the ground truth, in offsets of
 * the file's text, is moved to the same places in the text Gloss reads.
 */
function truthInReadText(raw: string, truth: Truth): Truth {
  if (truth === 'deleted') return truth;
  const before = (offset: number) => raw.slice(0, offset).split('\r\n').length - 1;
  return { start: truth.start - before(truth.start), end: truth.end - before(truth.end) };
}

function placementOf(annotation: Annotation, created: Annotation): Placement {
  const { start, end, quote } = annotation.target;
  if (quote !== created.target.quote) return { kind: 'fuzzy', start, end };
  return {
    kind: start === created.target.start && end === created.target.end ? 'same' : 'moved',
    start,
    end,
  };
}

function count<K extends string>(tally: Map<K, number>, key: K): void {
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

interface Opened {
  text: string;
  fingerprint: string;
  annotations: Annotation[];
  orphans: Annotation[];
}

/** A new Project on the folder, as after a restart, and every article opened in it. */
async function openAll(folder: string, keys: readonly string[]): Promise<Map<string, Opened>> {
  const project = await Project.open(folder, { annotator: 'alice' });
  const opened = new Map<string, Opened>();
  for (const key of keys) {
    const { document, annotations } = await project.openDocument(key);
    opened.set(key, {
      text: document.text,
      fingerprint: document.fingerprint,
      annotations,
      orphans: document.orphans,
    });
  }
  return opened;
}

let folder: TempProject | undefined;
afterAll(() => folder?.cleanup());

describe('re-attaching annotations on edited corpus articles through a project', () => {
  it('places at least 98% on their ground truth after a restart, loses none, and saves what it returns', async () => {
    const started = performance.now();
    const pool = editedCorpus();
    const keys = pool.map((a) => a.name);
    folder = await makeTempProject(Object.fromEntries(pool.map((a) => [a.name, a.original])));

    // Session 1: annotate every article, one batch per article.
    const first = await Project.open(folder.path, { annotator: 'alice' });
    const created = new Map<string, Annotation[]>();
    for (const { name, annotations } of pool) {
      const made = await first.createAnnotations(
        name,
        annotations.map((a) => ({ code: CODES[a.kind], start: a.target.start, end: a.target.end })),
      );
      // The corpus has no "\r" and no byte order mark: Gloss's text is the simulator's.
      expect(made.map((a) => a.target)).toEqual(annotations.map((a) => a.target));
      created.set(name, made);
    }
    const annotatedAt = performance.now();

    // Between sessions the articles are edited in another program.
    for (const { name, edited } of pool) await writeFile(join(folder.path, ...name.split('/')), edited.text);

    // Session 2, after a restart.
    const second = await openAll(folder.path, keys);
    const reopenedAt = performance.now();

    const edits = new Map<EditKind, number>();
    const kinds = new Map<Placement['kind'], number>();
    const verdicts = new Map<Verdict, number>();
    const byAnnotation = new Map<AnnotationKind, { all: number; right: number }>();
    const failures: string[] = [];
    let total = 0;
    let deleted = 0;
    let lost = 0;
    let windowsBreaks = 0;
    for (const { name, annotations, edited, edits: made } of pool) {
      for (const kind of made) count(edits, kind);
      const opened = second.get(name)!;
      expect(opened.text).toBe(edited.text.replace(/\r\n/g, '\n'));
      if (edited.text.includes('\r\n')) windowsBreaks++;
      const placed = new Map(opened.annotations.map((a) => [a.id, a]));
      const orphaned = new Set(opened.orphans.map((a) => a.id));
      created.get(name)!.forEach((annotation, i) => {
        const truth = truthInReadText(edited.text, edited.truth[i]!);
        const now = placed.get(annotation.id);
        const placement = now
          ? placementOf(now, annotation)
          : orphaned.has(annotation.id)
            ? ({ kind: 'orphan' } as const)
            : undefined;
        if (!placement) lost++;
        const verdict = judge(opened.text, annotation.target.quote, placement, truth);
        total++;
        if (truth === 'deleted') deleted++;
        if (placement) count(kinds, placement.kind);
        count(verdicts, verdict);
        const kind = annotations[i]!.kind;
        const tally = byAnnotation.get(kind) ?? { all: 0, right: 0 };
        tally.all++;
        if (verdict === 'right') tally.right++;
        byAnnotation.set(kind, tally);
        if (verdict !== 'right' && failures.length < 12) {
          const got = now
            ? opened.text.slice(now.target.start, now.target.end)
            : placement
              ? 'orphan'
              : 'lost';
          const want = truth === 'deleted' ? '(deleted)' : opened.text.slice(truth.start, truth.end);
          failures.push(
            `  ${verdict} in ${name}: ${JSON.stringify(annotation.target.quote)} → ${JSON.stringify(got)}, truth ${JSON.stringify(want)}`,
          );
        }
      });
      // Nothing else turned up: the article holds exactly the annotations made on it.
      expect(opened.annotations.length + opened.orphans.length).toBe(annotations.length);
    }

    // What was saved is what was returned.
    const layout = new ProjectLayout(folder.path);
    const saved = new Map<string, string>();
    for (const { name } of pool) {
      const bytes = await readFile(layout.annotationFile(name, 'alice'), 'utf8');
      saved.set(name, bytes);
      const file = AnnotationFileSchema.parse(JSON.parse(bytes));
      const opened = second.get(name)!;
      expect(file.fingerprint).toBe(opened.fingerprint);
      expect(fingerprintOf(opened.text)).toBe(opened.fingerprint);
      expect(file.annotations).toEqual(opened.annotations);
      expect(file.orphans).toEqual(opened.orphans);
      expect(new Set([...file.annotations, ...file.orphans].map((a) => a.id))).toEqual(
        new Set(created.get(name)!.map((a) => a.id)),
      );
      for (const a of file.annotations)
        expect(a.target.quote).toBe(opened.text.slice(a.target.start, a.target.end));
    }

    // Session 3: opening again moves nothing and writes nothing.
    const third = await openAll(folder.path, keys);
    expect(third).toEqual(second);
    for (const { name } of pool) {
      expect(await readFile(layout.annotationFile(name, 'alice'), 'utf8')).toBe(saved.get(name));
    }
    const finished = performance.now();

    const right = verdicts.get('right') ?? 0;
    const wrong = verdicts.get('wrong placement') ?? 0;
    const seconds = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;
    console.log(
      [
        `Re-attaching through a project on ${pool.length} edited BBC articles (seed ${CORPUS_SEED})`,
        `  annotations                  ${total} (${deleted} whose text was deleted)`,
        `  edits                        ${[...edits.values()].reduce((a, b) => a + b, 0)} (${windowsBreaks} articles saved with "\\r\\n")`,
        ...EDIT_KINDS.map((k) => `    ${k.padEnd(27)}${edits.get(k) ?? 0}`),
        `  placements                   ${(['same', 'moved', 'fuzzy', 'orphan'] as const).map((k) => `${k} ${kinds.get(k) ?? 0}`).join(', ')}`,
        `  right                        ${right} (${((right / total) * 100).toFixed(2)}%)`,
        ...[...byAnnotation].map(([k, t]) => `    ${k.padEnd(27)}${t.right}/${t.all}`),
        `  wrong placements             ${wrong}`,
        `  orphans whose text was there ${verdicts.get('orphan, text still there') ?? 0}`,
        `  lost                         ${lost}`,
        `  time                         annotate ${seconds(started, annotatedAt)}, reopen ${seconds(annotatedAt, reopenedAt)}, check and reopen again ${seconds(reopenedAt, finished)}`,
        ...(failures.length > 0 ? ['  first misses:', ...failures] : []),
      ].join('\n'),
    );

    expect(pool).toHaveLength(200);
    expect(lost).toBe(0);
    expect(verdicts.get('lost') ?? 0).toBe(0);
    expect(right / total).toBeGreaterThanOrEqual(0.98);
    expect(wrong / total).toBeLessThanOrEqual(0.005);
  });
});
