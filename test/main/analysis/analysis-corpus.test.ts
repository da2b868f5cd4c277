import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisCorpus } from '../../../main/analysis/analysis-corpus';
import { codeFrequencies } from '../../../main/analysis/code-frequencies';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import { CORPUS } from '../../support/corpus';
import { makeTempProject, type TempProject } from '../../support/temp-project';

/**
 * With the folder watched, the analyses keep every document's annotations in memory between
 * calls: each call must still answer for the project as it is now, after this annotator's edits
 * (told by their open files), another annotator's saves and an article edited on disk (told by
 * the watcher).
 */
const KEYS = ['a.txt', 'b.txt'];
let project: TempProject | undefined;
const services: GlossService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
  await project?.cleanup();
  project = undefined;
});

async function open(annotator: string, watchFolder: boolean): Promise<GlossService> {
  const service = createGlossService({ annotator, watchFolder });
  services.push(service);
  await service.open(project!.path);
  return service;
}

/** Resolves when the watcher reports the document changed. */
function changedOnDisk(service: GlossService, key: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = service.subscribe((event) => {
      if (event.type === 'documentsChanged' && event.payload.keys.includes(key)) {
        stop();
        resolve();
      }
    });
  });
}

async function counts(service: GlossService): Promise<Record<string, Record<string, number>>> {
  const { documents } = await service.codeFrequencies({});
  return Object.fromEntries(documents.map((d) => [d.key, d.counts]));
}

const word = (text: string, w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });

describe('the analyses of a watched project, between calls', () => {
  it('follow this annotator’s edits, another annotator’s saves and an article edited on disk', async () => {
    const text = (await readFile(join(CORPUS, 'news-txt', 'tech', '002.txt'), 'utf8')).replace(
      /\r\n?/g,
      '\n',
    );
    project = await makeTempProject(Object.fromEntries(KEYS.map((key) => [key, text])));
    const alice = await open('alice', true);
    const bob = await open('bob', false);
    const second = text.split(/\s+/).filter((w) => w.length > 5)[3]!;
    await alice.createAnnotation({ key: 'a.txt', code: 'privacy', ...word(text, second) });
    expect(await counts(alice)).toEqual({ 'a.txt': { privacy: 1 } });

    // This annotator's own edits: no watcher news, the open file tells.
    const created = await alice.createAnnotation({ key: 'b.txt', code: 'security', ...word(text, second) });
    await alice.setDocumentStatus({ key: 'b.txt', status: 'done' });
    expect(await counts(alice)).toEqual({ 'a.txt': { privacy: 1 }, 'b.txt': { security: 1 } });
    const done = await alice.codingQuery({ codes: ['security'], conditions: [], statuses: ['done'] });
    expect(done.passages.map((p) => p.annotationId)).toEqual([created.id]);
    await alice.deleteAnnotation({ key: 'b.txt', id: created.id });
    expect(await counts(alice)).toEqual({ 'a.txt': { privacy: 1 } });
    const privacy = async () =>
      (await alice.codingQuery({ codes: ['privacy'], conditions: [] })).passages.map((p) => [p.key, p.start]);
    expect(await privacy()).toEqual([['a.txt', word(text, second).start]]);

    // Another annotator's save, as the watcher tells it.
    const told = changedOnDisk(alice, 'b.txt');
    await bob.createAnnotation({ key: 'b.txt', code: 'privacy', ...word(text, second) });
    await told;
    expect(await counts(alice)).toEqual({ 'a.txt': { privacy: 1 }, 'b.txt': { privacy: 1 } });
    expect(await privacy()).toEqual([
      ['a.txt', word(text, second).start],
      ['b.txt', word(text, second).start],
    ]);
    // Another query of the same documents, nothing changed between: its own passages.
    expect((await alice.codingQuery({ codes: ['security'], conditions: [] })).passages).toEqual([]);

    // The article edited on disk: the annotations are placed in its new text.
    const edited = `A new first line.\n\n${text}`;
    const moved = changedOnDisk(alice, 'a.txt');
    await writeFile(join(project.path, 'a.txt'), edited);
    await moved;
    expect(await privacy()).toEqual([
      ['a.txt', word(edited, second).start],
      ['b.txt', word(text, second).start],
    ]);

    // A code moved into the figures' group counts as a figure from then on.
    expect((await alice.figuresTable({})).figures).toEqual([]);
    await alice.moveCode({ id: 'privacy', parentId: 'figures', index: 0 });
    expect((await alice.figuresTable({})).figures.map((f) => f.key)).toEqual(['a.txt', 'b.txt']);
  });

  it('read every document again when the watcher cannot tell which changed', async () => {
    const text = (await readFile(join(CORPUS, 'news-txt', 'tech', '002.txt'), 'utf8')).replace(
      /\r\n?/g,
      '\n',
    );
    project = await makeTempProject(Object.fromEntries(KEYS.map((key) => [key, text])));
    const alice = await open('alice', false);
    const bob = await open('bob', false);
    const corpus = new AnalysisCorpus(alice.project!, { told: true });
    const second = text.split(/\s+/).filter((w) => w.length > 5)[3]!;
    await alice.createAnnotation({ key: 'a.txt', code: 'privacy', ...word(text, second) });
    const counted = async () => (await codeFrequencies(corpus)).documents.map((d) => [d.key, d.counts]);
    expect(await counted()).toEqual([['a.txt', { privacy: 1 }]]);
    await bob.createAnnotation({ key: 'b.txt', code: 'security', ...word(text, second) });
    corpus.changed([]);
    expect(await counted()).toEqual([
      ['a.txt', { privacy: 1 }],
      ['b.txt', { security: 1 }],
    ]);
  });

  it('start from the list the screens just made, without listing the folder again', async () => {
    project = await makeTempProject({ 'a.txt': 'Privacy matters here.', 'b.txt': 'Nothing here.' });
    const alice = await open('alice', false);
    await alice.createAnnotation({ key: 'a.txt', code: 'privacy', start: 0, end: 7 });
    let listings = 0;
    const counted = new Proxy(alice.project!, {
      get(target, name) {
        const value = Reflect.get(target, name, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (name === 'listDocuments') listings += 1;
          return value.apply(target, args);
        };
      },
    });
    const corpus = new AnalysisCorpus(counted, { told: true });
    const edits = alice.project!.listedFieldEdits;
    corpus.listed((await alice.listDocuments({})).documents, corpus.news, edits);
    expect((await codeFrequencies(corpus)).documents.map((d) => [d.key, d.counts])).toEqual([
      ['a.txt', { privacy: 1 }],
    ]);
    expect(listings).toBe(0);
    // News of a change: the list is made again.
    corpus.changed(['b.txt']);
    await codeFrequencies(corpus);
    expect(listings).toBe(1);
    await codeFrequencies(corpus);
    expect(listings).toBe(1);
  });

  it('list again when a status or date was set after the screens listed, before the first analysis', async () => {
    project = await makeTempProject({ 'a.txt': 'Privacy matters here.' });
    const alice = await open('alice', false);
    await alice.createAnnotation({ key: 'a.txt', code: 'privacy', start: 0, end: 7 });
    const corpus = new AnalysisCorpus(alice.project!, { told: true });
    const edits = alice.project!.listedFieldEdits;
    corpus.listed((await alice.listDocuments({})).documents, corpus.news, edits);
    await alice.setDocumentDate({ key: 'a.txt', date: '2024-12-30' });
    await alice.setDocumentStatus({ key: 'a.txt', status: 'done' });
    const [document] = await corpus.documents();
    expect(document!.summary).toMatchObject({ date: '2024-12-30', status: 'done' });
  });
});
