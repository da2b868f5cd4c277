import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectAgreement } from '../../../main/agreement/project-agreement';
import { AnalysisCorpus } from '../../../main/analysis/analysis-corpus';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import { utf16ToCodePoint } from '../../../shared/text/offsets';
import { CORPUS } from '../../support/corpus';
import { SeededRandom } from '../../support/seeded-random';
import { makeTempProject, type TempProject } from '../../support/temp-project';

/**
 * Agreement over a real project: two or three annotators code BBC articles (one with emoji and
 * accents, so characters are code points, not UTF-16 units); every number is checked against the
 * same measure computed the plain way, character by character and token by token.
 */
let project: TempProject | undefined;
const services: GlossService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
  await project?.cleanup();
  project = undefined;
});

const CODES = ['privacy', 'security', 'free-expression'];

async function texts(): Promise<Record<string, string>> {
  const read = async (path: string) =>
    (await readFile(join(CORPUS, 'news-txt', path), 'utf8')).replace(/\r\n?/g, '\n');
  return {
    'tech/a.txt': await read('tech/002.txt'),
    // Emoji (two UTF-16 units each) and accents before and inside the passages.
    'world/b.txt': `Zoë’s café 😀 reports 👩‍👩‍👧.\n\n${(await read('politics/001.txt')).replace(/ the /g, ' thé 😀 ')}`,
    'c.txt': await read('business/003.txt'),
  };
}

interface Span {
  code: string;
  start: number;
  end: number;
}

/** Random passages on word boundaries, some shared between annotators so there is agreement to find. */
function passages(text: string, random: SeededRandom, shared: Span[]): Span[] {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const spans = shared.filter(() => random.next() < 0.7).map((s) => ({ ...s }));
  for (let i = random.int(2, 8); i > 0; i--) {
    const first = random.int(0, words.length - 4);
    const last = first + random.int(0, 3);
    spans.push({
      code: CODES[random.int(0, CODES.length - 1)]!,
      start: words[first]!.index,
      end: words[last]!.index + words[last]![0].length,
    });
  }
  // Some shared passages moved by a word's edge, for boundaries that differ.
  for (const s of spans) if (random.next() < 0.2) s.end = Math.min(text.length, s.end + 1);
  const seen = new Set<string>();
  return spans.filter(
    (s) => !seen.has(`${s.code} ${s.start} ${s.end}`) && seen.add(`${s.code} ${s.start} ${s.end}`),
  );
}

async function annotate(folder: string, annotator: string, work: Record<string, Span[]>, done: string[]) {
  const service = createGlossService({ annotator, watchFolder: false });
  services.push(service);
  await service.open(folder);
  for (const [key, spans] of Object.entries(work)) {
    for (const span of spans) await service.createAnnotation({ key, ...span });
  }
  for (const key of done) await service.setDocumentStatus({ key, status: 'done' });
  return service;
}

/** Per unit, which annotators put it inside the code: characters (code points) or tokens. */
function unitValues(text: string, spans: Span[], code: string, units: 'characters' | 'tokens'): number[] {
  const points = [...text];
  const inside = new Array<number>(points.length).fill(0);
  for (const s of spans) {
    if (s.code !== code) continue;
    for (let p = utf16ToCodePoint(text, s.start); p < utf16ToCodePoint(text, s.end); p++) inside[p] = 1;
  }
  if (units === 'characters') return inside;
  return [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => {
    const from = utf16ToCodePoint(text, m.index);
    const to = utf16ToCodePoint(text, m.index + m[0].length);
    return inside.slice(from, to).some(Boolean) ? 1 : 0;
  });
}

/** Cohen's kappa from two lists of values, the textbook way. */
function plainKappa(a: number[], b: number[]): number {
  const n = a.length;
  const observed = a.filter((x, i) => x === b[i]).length / n;
  const pa = a.filter(Boolean).length / n;
  const pb = b.filter(Boolean).length / n;
  const expected = pa * pb + (1 - pa) * (1 - pb);
  return (observed - expected) / (1 - expected);
}

/** Krippendorff's alpha (nominal, no missing values) from each unit's values, through the coincidence matrix. */
function plainAlpha(values: number[][]): number {
  const o = [
    [0, 0],
    [0, 0],
  ];
  for (const unit of values) {
    const m = unit.length;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) if (i !== j) o[unit[i]!]![unit[j]!]! += 1 / (m - 1);
  }
  const n0 = o[0]![0]! + o[0]![1]!;
  const n1 = o[1]![0]! + o[1]![1]!;
  const n = n0 + n1;
  // 1 - (n - 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k, both sums twice their one term for two values.
  return 1 - ((n - 1) * o[0]![1]!) / (n0 * n1);
}

/** Fleiss' kappa from each unit's values. */
function plainFleiss(values: number[][]): number {
  const n = values[0]!.length;
  const units = values.length;
  let agreement = 0;
  let ones = 0;
  for (const unit of values) {
    const k = unit.filter(Boolean).length;
    ones += k;
    agreement += (k * (k - 1) + (n - k) * (n - k - 1)) / (n * (n - 1));
  }
  const p1 = ones / (units * n);
  const expected = p1 * p1 + (1 - p1) * (1 - p1);
  return (agreement / units - expected) / (1 - expected);
}

describe('agreement over a project', () => {
  it('matches the plain computation for two and three annotators, by characters and by tokens', async () => {
    const articles = await texts();
    project = await makeTempProject(articles);
    const random = new SeededRandom(11);
    const shared = Object.fromEntries(
      Object.entries(articles).map(([key, text]) => [key, passages(text, random, [])]),
    );
    const work: Record<string, Record<string, Span[]>> = {};
    for (const name of ['alice', 'bob', 'carol']) {
      work[name] = Object.fromEntries(
        Object.entries(articles).map(([key, text]) => [key, passages(text, random, shared[key]!)]),
      );
    }
    // Carol leaves c.txt alone: the group's documents are the two the three share.
    delete work.carol!['c.txt'];
    for (const name of ['alice', 'bob', 'carol']) await annotate(project.path, name, work[name]!, []);
    const reader = createGlossService({ annotator: 'alice', watchFolder: false });
    services.push(reader);
    await reader.open(project.path);
    const result = await projectAgreement(new AnalysisCorpus(reader.project!));
    expect(result.annotators).toEqual(['alice', 'bob', 'carol']);
    expect(result.documents).toBe(2);

    // The stored spans are what was asked, less duplicates of the same code and place.
    const spansOf = (name: string, key: string) => work[name]![key] ?? [];
    for (const pair of result.pairs) {
      const keys = Object.keys(articles).filter(
        (key) => spansOf(pair.a, key).length > 0 && spansOf(pair.b, key).length > 0,
      );
      expect(pair.documents).toBe(keys.length);
      for (const code of CODES) {
        const measures = pair.codes[code];
        const used = keys.some((key) =>
          [...spansOf(pair.a, key), ...spansOf(pair.b, key)].some((s) => s.code === code),
        );
        if (!used) {
          expect(measures).toBeUndefined();
          continue;
        }
        for (const units of ['characters', 'tokens'] as const) {
          const a = keys.flatMap((key) => unitValues(articles[key]!, spansOf(pair.a, key), code, units));
          const b = keys.flatMap((key) => unitValues(articles[key]!, spansOf(pair.b, key), code, units));
          const kappa = units === 'characters' ? measures!.kappa : measures!.tokenKappa;
          const alpha = units === 'characters' ? measures!.alpha : measures!.tokenAlpha;
          expect(kappa, `${pair.a}/${pair.b} ${code} ${units} kappa`).toBeCloseTo(plainKappa(a, b), 9);
          expect(alpha, `${pair.a}/${pair.b} ${code} ${units} alpha`).toBeCloseTo(
            plainAlpha(a.map((x, i) => [x, b[i]!])),
            9,
          );
        }
        const exact = (name: string) =>
          new Set(
            keys.flatMap((key) =>
              spansOf(name, key)
                .filter((s) => s.code === code)
                .map((s) => `${key} ${s.start} ${s.end}`),
            ),
          );
        const [setA, setB] = [exact(pair.a), exact(pair.b)];
        const matched = [...setA].filter((s) => setB.has(s)).length;
        expect(measures!.f1).toBeCloseTo((2 * matched) / (setA.size + setB.size), 9);
        expect(measures!.alphaU).not.toBeNull();
      }
    }

    // All three together, over the documents all three coded.
    const groupKeys = ['tech/a.txt', 'world/b.txt'];
    for (const code of CODES) {
      const values = groupKeys.flatMap((key) => {
        const per = ['alice', 'bob', 'carol'].map((name) =>
          unitValues(articles[key]!, spansOf(name, key), code, 'characters'),
        );
        return per[0]!.map((_, i) => per.map((v) => v[i]!));
      });
      if (!values.some((unit) => unit.some(Boolean))) continue;
      expect(result.codes[code]!.fleissKappa, `${code} fleiss`).toBeCloseTo(plainFleiss(values), 9);
      expect(result.codes[code]!.alpha, `${code} alpha`).toBeCloseTo(plainAlpha(values), 9);
    }
  });

  it('is perfect for identical work, counts only documents both marked done when asked, and names no pair for one annotator', async () => {
    const articles = await texts();
    project = await makeTempProject(articles);
    const text = articles['tech/a.txt']!;
    const same = {
      'tech/a.txt': [
        { code: 'privacy', start: 0, end: 10 },
        { code: 'security', start: 40, end: 60 },
      ],
    };
    await annotate(project.path, 'alice', { ...same, 'c.txt': [{ code: 'privacy', start: 0, end: 5 }] }, [
      'tech/a.txt',
    ]);
    const reader = createGlossService({ annotator: 'alice', watchFolder: false });
    services.push(reader);
    await reader.open(project.path);
    const alone = await projectAgreement(new AnalysisCorpus(reader.project!));
    expect(alone.pairs).toEqual([]);

    await annotate(project.path, 'bob', { ...same, 'c.txt': [{ code: 'privacy', start: 20, end: 25 }] }, [
      'tech/a.txt',
    ]);
    const corpus = new AnalysisCorpus(reader.project!);
    const all = await projectAgreement(corpus);
    expect(all.pairs[0]!.documents).toBe(2);
    expect(all.pairs[0]!.codes.privacy!.f1).toBeCloseTo(2 / 4, 9);
    const done = await projectAgreement(corpus, { doneOnly: true });
    expect(done.pairs[0]!.documents).toBe(1);
    for (const m of [done.pairs[0]!.codes.privacy!, done.pairs[0]!.codes.security!, done.pairs[0]!.overall]) {
      expect(m).toEqual({ f1: 1, kappa: 1, alpha: 1, tokenKappa: 1, tokenAlpha: 1, alphaU: 1 });
    }
    const onlySecurity = await projectAgreement(corpus, {
      codes: ['security'],
      annotators: ['bob', 'alice'],
    });
    expect(Object.keys(onlySecurity.pairs[0]!.codes)).toEqual(['security']);
    expect(onlySecurity.pairs[0]).toMatchObject({ a: 'bob', b: 'alice', documents: 1 });
    expect(text.length).toBeGreaterThan(60);
  });
});
