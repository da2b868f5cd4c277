import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agreementDisagreements } from '../../../main/agreement/disagreements';
import { AnalysisCorpus } from '../../../main/analysis/analysis-corpus';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import { inProcessTransport } from '../../../main/transports/in-process';
import { createApiClient } from '../../../shared/api-client';
import type { Disagreement, DisagreementKind } from '../../../shared/api-disagreements';
import type { Annotation } from '../../../shared/model/annotation';
import { rejection } from '../../support/api-rejection';
import { CORPUS } from '../../support/corpus';
import { SeededRandom } from '../../support/seeded-random';
import { makeTempProject, type TempProject } from '../../support/temp-project';

/**
 * The passages behind an agreement number: two annotators code BBC articles, one by hand so that
 * every kind of disagreement is there, the others at random; each answer is checked against the
 * kinds worked out here the plain way, pair by pair from their definitions.
 */
let project: TempProject | undefined;
const services: GlossService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
  await project?.cleanup();
  project = undefined;
});

const CODES = ['privacy', 'security', 'free-expression'];
const KINDS: DisagreementKind[] = ['different-codes', 'overlapping', 'only-a', 'only-b'];

interface Span {
  code: string;
  start: number;
  end: number;
}

const read = async (path: string) =>
  (await readFile(join(CORPUS, 'news-txt', path), 'utf8')).replace(/\r\n?/g, '\n');

async function annotator(folder: string, name: string): Promise<GlossService> {
  const service = createGlossService({ annotator: name, watchFolder: false });
  services.push(service);
  await service.open(folder);
  return service;
}

/** The span of the `n`th occurrence (from 0) of `words` in `text`. */
function at(text: string, words: string, code: string, n = 0): Span {
  let start = -1;
  for (let i = 0; i <= n; i++) start = text.indexOf(words, start + 1);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return { code, start, end: start + words.length };
}

/** Random passages on word boundaries, at most one per start and end, some copied from `shared`. */
function randomSpans(text: string, random: SeededRandom, shared: Span[]): Span[] {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const spans = shared.filter(() => random.next() < 0.6).map((s) => ({ ...s }));
  for (const s of spans) if (random.next() < 0.3) s.code = CODES[random.int(0, CODES.length - 1)]!;
  for (const s of spans) if (random.next() < 0.2) s.end = Math.min(text.length, s.end + 1);
  for (let i = random.int(3, 10); i > 0; i--) {
    const first = random.int(0, words.length - 6);
    const last = first + random.int(0, 5);
    spans.push({
      code: CODES[random.int(0, CODES.length - 1)]!,
      start: words[first]!.index,
      end: words[last]!.index + words[last]![0].length,
    });
  }
  const bounds = new Set<string>();
  return spans.filter((s) => !bounds.has(`${s.start} ${s.end}`) && bounds.add(`${s.start} ${s.end}`));
}

/**
 * The comparison's pairs other than agreed, from the definitions, for passages of which neither
 * annotator has two with the same bounds (so every match of the same bounds is one to one):
 * same bounds and another code; sharing a character with other bounds, one of the two having no
 * same-bounds match; no pair at all.
 */
function plainKinds(a: readonly Annotation[], b: readonly Annotation[]): Map<DisagreementKind, string[]> {
  const same = (x: Annotation, y: Annotation) =>
    x.target.start === y.target.start && x.target.end === y.target.end;
  const overlap = (x: Annotation, y: Annotation) =>
    x.target.start < y.target.end && y.target.start < x.target.end && !same(x, y);
  const matched = (x: Annotation, others: readonly Annotation[]) => others.some((y) => same(x, y));
  const found = new Map<DisagreementKind, string[]>(KINDS.map((kind) => [kind, []]));
  for (const x of a) {
    for (const y of b) {
      if (same(x, y) && x.code !== y.code) found.get('different-codes')!.push(`${x.id}|${y.id}`);
      if (overlap(x, y) && (!matched(x, b) || !matched(y, a)))
        found.get('overlapping')!.push(`${x.id}|${y.id}`);
    }
  }
  const paired = (x: Annotation, others: readonly Annotation[], mine: readonly Annotation[]) =>
    others.some((y) => same(x, y) || (overlap(x, y) && (!matched(x, others) || !matched(y, mine))));
  for (const x of a) if (!paired(x, b, a)) found.get('only-a')!.push(`${x.id}|`);
  for (const y of b) if (!paired(y, a, b)) found.get('only-b')!.push(`|${y.id}`);
  for (const list of found.values()) list.sort();
  return found;
}

function answerKinds(disagreements: readonly Disagreement[]): Map<DisagreementKind, string[]> {
  const found = new Map<DisagreementKind, string[]>(KINDS.map((kind) => [kind, []]));
  for (const d of disagreements)
    found.get(d.kind)!.push(`${d.a?.annotationId ?? ''}|${d.b?.annotationId ?? ''}`);
  for (const list of found.values()) list.sort();
  return found;
}

describe('the disagreements between two annotators', () => {
  it('lists every kind, with both passages or one, in text order', async () => {
    const text = await read('tech/002.txt');
    project = await makeTempProject({ 'tech/a.txt': text });
    const alice = await annotator(project.path, 'alice');
    const bob = await annotator(project.path, 'bob');
    const key = 'tech/a.txt';
    const make = async (service: GlossService, span: Span) =>
      (await service.createAnnotation({ key, ...span })).id;
    // Agreed: the same words, the same code.
    await make(alice, at(text, 'China net cafe culture crackdown', 'privacy'));
    await make(bob, at(text, 'China net cafe culture crackdown', 'privacy'));
    // Different codes: the same words.
    const aCode = await make(alice, at(text, 'Xinhua News Agency', 'privacy'));
    const bCode = await make(bob, at(text, 'Xinhua News Agency', 'security'));
    // Overlapping: bob takes a word more.
    const aLong = await make(alice, at(text, 'Chinese government', 'security'));
    const overlapping = at(text, 'Chinese government', 'security');
    const bLong = await make(bob, { ...overlapping, start: overlapping.start - 4 });
    const aOnly = await make(alice, at(text, 'young people', 'free-expression'));
    const bOnly = await make(bob, at(text, 'schools', 'privacy'));

    const answer = await createGlossService({ annotator: 'carol', watchFolder: false });
    services.push(answer);
    await answer.open(project.path);
    const found = await answer.agreementDisagreements({ a: 'alice', b: 'bob' });
    expect(found.documents).toBe(1);
    expect(found.counts).toEqual({ 'different-codes': 1, overlapping: 1, 'only-a': 1, 'only-b': 1 });
    const [document] = found.byDocument;
    expect(document!.key).toBe(key);
    const ids = document!.disagreements.map((d) => [
      d.kind,
      d.a?.annotationId ?? null,
      d.b?.annotationId ?? null,
    ]);
    const starts = document!.disagreements.map((d) =>
      Math.min(d.a?.start ?? Infinity, d.b?.start ?? Infinity),
    );
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    expect(ids.sort()).toEqual(
      [
        ['different-codes', aCode, bCode],
        ['only-a', aOnly, null],
        ['only-b', null, bOnly],
        ['overlapping', aLong, bLong],
      ].sort(),
    );
    const differing = document!.disagreements.find((d) => d.kind === 'different-codes')!;
    expect(differing.a).toEqual({
      annotationId: aCode,
      ...at(text, 'Xinhua News Agency', 'privacy'),
      quote: 'Xinhua News Agency',
    });
    expect(differing.b!.code).toBe('security');
    expect(document!.disagreements.find((d) => d.kind === 'overlapping')!.b!.quote).toBe(
      text.slice(overlapping.start - 4, overlapping.end),
    );

    // By code: the pairs either passage of which bears it; a pair of two codes is under both.
    const security = await answer.agreementDisagreements({ a: 'alice', b: 'bob', code: 'security' });
    expect(security.counts).toEqual({ 'different-codes': 1, overlapping: 1, 'only-a': 0, 'only-b': 0 });
    const privacy = await answer.agreementDisagreements({ a: 'alice', b: 'bob', code: 'privacy' });
    expect(privacy.counts).toEqual({ 'different-codes': 1, overlapping: 0, 'only-a': 0, 'only-b': 1 });
    // Seen from the other side, a and b change places.
    const reversed = await answer.agreementDisagreements({ a: 'bob', b: 'alice' });
    expect(reversed.counts).toEqual({ 'different-codes': 1, overlapping: 1, 'only-a': 1, 'only-b': 1 });
    expect(reversed.byDocument[0]!.disagreements.find((d) => d.kind === 'only-a')!.a!.annotationId).toBe(
      bOnly,
    );
  });

  it('counts what a plain recomputation counts, over the documents both worked on or both marked done', async () => {
    const articles: Record<string, string> = {
      'tech/a.txt': await read('tech/036.txt'),
      'politics/b.txt': await read('politics/001.txt'),
      'business/c.txt': await read('business/003.txt'),
      'sport/d.txt': await read('sport/001.txt'),
    };
    project = await makeTempProject(articles);
    const random = new SeededRandom(7);
    const alice = await annotator(project.path, 'alice');
    const bob = await annotator(project.path, 'bob');
    for (const [key, text] of Object.entries(articles)) {
      const first = randomSpans(text, random, []);
      for (const span of first) await alice.createAnnotation({ key, ...span });
      // Bob leaves d.txt alone: not a document both worked on.
      if (key === 'sport/d.txt') continue;
      for (const span of randomSpans(text, random, first)) await bob.createAnnotation({ key, ...span });
    }
    for (const service of [alice, bob])
      await service.setDocumentStatus({ key: 'tech/a.txt', status: 'done' });
    await alice.setDocumentStatus({ key: 'politics/b.txt', status: 'done' });

    const reader = await annotator(project.path, 'carol');
    const corpus = new AnalysisCorpus(reader.project!);
    const all = await reader.listAnnotations({ key: 'tech/a.txt' });
    expect(all.length).toBeGreaterThan(0);

    for (const doneOnly of [false, true]) {
      const keys = doneOnly ? ['tech/a.txt'] : ['tech/a.txt', 'politics/b.txt', 'business/c.txt'];
      for (const code of [undefined, ...CODES]) {
        const answer = await agreementDisagreements(corpus, { a: 'alice', b: 'bob', code, doneOnly });
        expect(answer.documents).toBe(keys.length);
        const totals = Object.fromEntries(KINDS.map((kind) => [kind, 0]));
        for (const key of keys) {
          const annotations = await reader.listAnnotations({ key });
          const expected = plainKinds(
            annotations.filter((x) => x.author === 'alice'),
            annotations.filter((x) => x.author === 'bob'),
          );
          if (code !== undefined) {
            const byId = new Map(annotations.map((x) => [x.id, x.code]));
            for (const [kind, list] of expected)
              expected.set(
                kind,
                list.filter((ids) => ids.split('|').some((id) => byId.get(id) === code)),
              );
          }
          const listed = answer.byDocument.find((d) => d.key === key)?.disagreements ?? [];
          expect(answerKinds(listed), `${key} ${code ?? 'every code'}${doneOnly ? ' done' : ''}`).toEqual(
            expected,
          );
          for (const [kind, list] of expected) totals[kind]! += list.length;
        }
        expect(answer.counts).toEqual(totals);
        expect(answer.byDocument.every((d) => keys.includes(d.key) && d.disagreements.length > 0)).toBe(true);
      }
    }
    const everyKind = await agreementDisagreements(corpus, { a: 'alice', b: 'bob' });
    for (const kind of KINDS) expect(everyKind.counts[kind], kind).toBeGreaterThan(0);

    // The documents are the pair's in `agreement`.
    const agreement = await reader.agreement({ annotators: ['alice', 'bob'] });
    expect(agreement.pairs[0]!.documents).toBe(everyKind.documents);
  });

  it('refuses a pair of one annotator with itself, at the API boundary', async () => {
    project = await makeTempProject({ 'a.txt': await read('tech/002.txt') });
    const service = await annotator(project.path, 'alice');
    const client = createApiClient(inProcessTransport(createDispatch(service)));
    const error = await rejection(client.agreementDisagreements({ a: 'alice', b: 'alice' }));
    expect(error.code).toBe('bad-request');
    expect(error.message).toMatch(/two different annotators/);
    expect((await rejection(client.agreementDisagreements({ a: 'alice' } as never))).code).toBe(
      'bad-request',
    );
    expect(await client.agreementDisagreements({ a: 'alice', b: 'bob', doneOnly: true })).toMatchObject({
      documents: 0,
      byDocument: [],
    });
  });
});
