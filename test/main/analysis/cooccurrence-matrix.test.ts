import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlossClient } from '../../../shared/api-client';
import { splitParagraphs } from '../../../shared/text/paragraphs';
import { splitSentences } from '../../../shared/text/sentences';
import { type AnnotatorClients, annotatorClients } from '../../support/annotator-clients';
import { CORPUS } from '../../support/corpus';
import { SeededRandom } from '../../support/seeded-random';
import { makeTempProject, type TempProject } from '../../support/temp-project';

/**
 * The stakeholder × concern matrix on 60 real BBC articles, tagged by two annotators: every
 * cell checked against the same count done the simple way, pair by pair.
 */
const NAMES = ['Microsoft', 'Google', 'Apple', 'Labour', 'BBC'];
const CONCERNS = ['security', 'privacy', 'free-expression'];

interface Span {
  start: number;
  end: number;
}
interface Tagged extends Span {
  code: string;
  author: string;
  stakeholder?: string;
}

let project: TempProject;
let clients: AnnotatorClients;
let api: GlossClient;
const texts = new Map<string, string>();
const tagged = new Map<string, Tagged[]>();

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const section of ['business', 'politics', 'tech']) {
    for (const name of (await readdir(join(CORPUS, 'news-txt', section))).sort().slice(0, 20)) {
      const text = (await readFile(join(CORPUS, 'news-txt', section, name), 'utf8')).replace(/\r\n?/g, '\n');
      files[`${section}/${name}`] = text;
      texts.set(`${section}/${name}`, text);
    }
  }
  project = await makeTempProject(files);
  clients = annotatorClients(project.path);
  api = await clients.as('alice');
  const bob = await clients.as('bob');
  const ids = new Map<string, string>();
  for (const name of NAMES) {
    const added = await api.addStakeholder({ name, kind: name === 'BBC' ? 'media' : 'company' });
    ids.set(name, added.id);
  }
  const random = new SeededRandom(7);
  for (const [key, text] of texts) {
    const list: Tagged[] = [];
    for (const name of NAMES) {
      for (const m of text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))) {
        const span = { start: m.index, end: m.index + name.length };
        await api.createAnnotation({ key, code: 'stakeholder', ...span, stakeholderId: ids.get(name)! });
        list.push({ ...span, code: 'stakeholder', author: 'alice', stakeholder: ids.get(name) });
      }
    }
    const words = [...text.matchAll(/\p{L}+/gu)];
    for (const [author, who] of [
      ['alice', api],
      ['bob', bob],
    ] as const) {
      for (let i = 0; i < (author === 'alice' ? 5 : 2); i++) {
        const first = random.int(0, words.length - 4);
        const span = { start: words[first]!.index, end: words[first + random.int(0, 3)]!.index + 3 };
        const code = CONCERNS[random.int(0, CONCERNS.length - 1)]!;
        await who.createAnnotation({ key, code, ...span });
        list.push({ ...span, code, author });
      }
    }
    tagged.set(key, list);
  }
}, 120_000);
afterAll(async () => {
  await clients.close();
  await project.cleanup();
});

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The simple way: every concern against every mention, through every sentence or paragraph. */
function expected(rule: 'overlap' | 'sentence' | 'paragraph', author?: string): Record<string, number> {
  const cells: Record<string, number> = {};
  for (const [key, list] of tagged) {
    const paragraphs = splitParagraphs(texts.get(key)!);
    const units = rule === 'paragraph' ? paragraphs : paragraphs.flatMap(splitSentences);
    const mine = list.filter((t) => !author || t.author === author);
    for (const concern of mine.filter((t) => !t.stakeholder)) {
      const near = new Set<string>();
      for (const mention of mine.filter((t) => t.stakeholder)) {
        const together =
          rule === 'overlap'
            ? overlaps(mention, concern)
            : units.some((u) => overlaps(u, mention) && overlaps(u, concern));
        if (together) near.add(mention.stakeholder!);
      }
      for (const stakeholder of near) {
        const cell = `${stakeholder} ${concern.code}`;
        cells[cell] = (cells[cell] ?? 0) + 1;
      }
    }
  }
  return cells;
}

describe('the stakeholder × concern matrix', () => {
  it.each(['overlap', 'sentence', 'paragraph'] as const)(
    'counts every cell as the simple way does, by %s',
    async (by) => {
      const matrix = await api.cooccurrenceMatrix({ by });
      const got = Object.fromEntries(matrix.cells.map((c) => [`${c.stakeholderId} ${c.code}`, c.count]));
      const want = expected(by);
      expect(Object.keys(want).length).toBeGreaterThan(by === 'overlap' ? 0 : 3);
      expect(got).toEqual(want);
      for (const cell of matrix.cells) {
        expect(cell.passages).toHaveLength(cell.count);
        for (const passage of cell.passages) {
          expect(passage.quote).toBe(texts.get(passage.key)!.slice(passage.start, passage.end));
          expect(passage.quote).not.toBe('');
        }
      }
      expect(matrix.codes.map((c) => c.id)).toEqual(CONCERNS);
    },
  );

  it('counts one annotator’s work alone when asked', async () => {
    const matrix = await api.cooccurrenceMatrix({ by: 'paragraph', annotator: 'bob' });
    const got = Object.fromEntries(matrix.cells.map((c) => [`${c.stakeholderId} ${c.code}`, c.count]));
    expect(got).toEqual(expected('paragraph', 'bob'));
  });
});
