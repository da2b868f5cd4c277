import { createHash } from 'node:crypto';
import { readFile, rename, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Project } from '../../../main/project/project';
import type { DocumentStatus } from '../../../shared/model/document';
import { colleagueFileJson, writeColleagueFile } from '../../support/colleague-file';
import { REPO } from '../../support/corpus';
import { traceScript } from '../../support/strace';
import { makeTempProject, type TempProject } from '../../support/temp-project';

let folder: TempProject | undefined;
afterEach(() => folder?.cleanup());

const TEXT = 'TikTok and ByteDance met Microsoft.\n\nThe deal was valued at $ 15-30 billion.\n';
/** The fingerprint of TEXT, which tells a renamed article by its text. */
const FINGERPRINT = createHash('sha256').update(TEXT).digest('hex');

/** bob's (or anyone's) file of `key`, with `count` annotations of ByteDance. */
function annotationFile(key: string, annotator: string, status: DocumentStatus, count: number): string {
  return colleagueFileJson({
    key,
    annotator,
    status,
    count,
    text: TEXT,
    quote: 'ByteDance',
    fingerprint: FINGERPRINT,
  });
}

function writeAnnotations(key: string, annotator: string, content: string): Promise<string> {
  return writeColleagueFile(folder!.path, key, annotator, content);
}

/** Each listed document's annotators, by key. */
async function annotatorsByKey(project: Project) {
  const { documents } = await project.listDocuments();
  return Object.fromEntries(documents.map((d) => [d.key, d.annotators]));
}

describe('who has worked on each document', () => {
  it('lists every annotator with a file, with their own status and count, in order of name', async () => {
    folder = await makeTempProject({ 'a.txt': TEXT, 'b.txt': TEXT, 'c.txt': TEXT });
    await writeAnnotations('a.txt', 'bob', annotationFile('a.txt', 'bob', 'done', 2));
    await writeAnnotations('a.txt', 'alice', annotationFile('a.txt', 'alice', 'in-progress', 3));
    await writeAnnotations('b.txt', 'bob', annotationFile('b.txt', 'bob', 'todo', 0));

    const project = await Project.open(folder.path, { annotator: 'alice' });
    const { documents } = await project.listDocuments();
    expect(documents.map((d) => [d.key, d.status, d.annotationCount, d.annotators])).toEqual([
      [
        'a.txt',
        'in-progress',
        5,
        [
          { name: 'alice', status: 'in-progress', annotationCount: 3 },
          { name: 'bob', status: 'done', annotationCount: 2 },
        ],
      ],
      // A file with nothing in it yet still says bob has opened the work.
      ['b.txt', 'todo', 0, [{ name: 'bob', status: 'todo', annotationCount: 0 }]],
      ['c.txt', 'todo', 0, []],
    ]);
    // Reopened (as after a restart), the same from the listing's cache.
    const again = await Project.open(folder.path, { annotator: 'carol' });
    expect(await annotatorsByKey(again)).toEqual(
      Object.fromEntries(documents.map((d) => [d.key, d.annotators])),
    );
  });

  it('takes everyone’s work from the listing’s cache after a restart, opening no annotation file', async () => {
    folder = await makeTempProject({ 'a.txt': TEXT, 'b.txt': TEXT });
    await writeAnnotations('a.txt', 'alice', annotationFile('a.txt', 'alice', 'done', 2));
    await writeAnnotations('a.txt', 'bob', annotationFile('a.txt', 'bob', 'in-progress', 1));
    await writeAnnotations('b.txt', 'bob', annotationFile('b.txt', 'bob', 'done', 3));
    const first = await annotatorsByKey(await Project.open(folder.path, { annotator: 'carol' }));
    // A new process, as after a restart: strace says what it opened; it writes what it listed.
    const script = `
      const { Project } = await import(${JSON.stringify(join(REPO, 'main/project/project.ts'))});
      const { writeFileSync } = await import('node:fs');
      const project = await Project.open(process.argv[1], { annotator: 'carol' });
      const { documents } = await project.listDocuments();
      writeFileSync(process.argv[2], JSON.stringify(Object.fromEntries(documents.map((d) => [d.key, d.annotators]))));
    `;
    const listedFile = join(folder.path, 'listed.json.out');
    const traced = await traceScript('openat', script, [folder.path, listedFile]);
    const opened = traced.flatMap((call) => (call.open ? [call.open.path] : []));
    expect(opened.some((path) => path.endsWith('/.gloss/cache/documents.json'))).toBe(true);
    // The folders are walked to find the files; no file of them is read.
    expect(opened.filter((path) => path.includes('/.gloss/annotations/') && path.endsWith('.json'))).toEqual(
      [],
    );
    expect(JSON.parse(await readFile(listedFile, 'utf8'))).toEqual(first);
  });

  it('shows a change the other annotator made on disk after listing again, even one of the same size', async () => {
    folder = await makeTempProject({ 'a.txt': TEXT });
    await writeAnnotations('a.txt', 'alice', annotationFile('a.txt', 'alice', 'done', 1));
    const bobs = await writeAnnotations('a.txt', 'bob', annotationFile('a.txt', 'bob', 'todo', 1));
    const project = await Project.open(folder.path, { annotator: 'alice' });
    expect((await annotatorsByKey(project))['a.txt']).toEqual([
      { name: 'alice', status: 'done', annotationCount: 1 },
      { name: 'bob', status: 'todo', annotationCount: 1 },
    ]);

    // "todo" and "done" are the same length: only the file's time tells the listing it changed,
    // as when a sync brings bob's finished file.
    const done = annotationFile('a.txt', 'bob', 'done', 1);
    expect(done.length).toBe(annotationFile('a.txt', 'bob', 'todo', 1).length);
    await writeFile(bobs, done);
    const later = new Date(Date.now() + 60_000);
    await utimes(bobs, later, later);
    expect((await annotatorsByKey(project))['a.txt']).toEqual([
      { name: 'alice', status: 'done', annotationCount: 1 },
      { name: 'bob', status: 'done', annotationCount: 1 },
    ]);

    await writeFile(bobs, annotationFile('a.txt', 'bob', 'in-progress', 4));
    const { documents } = await project.listDocuments();
    expect(documents[0]!.annotators).toEqual([
      { name: 'alice', status: 'done', annotationCount: 1 },
      { name: 'bob', status: 'in-progress', annotationCount: 4 },
    ]);
    expect(documents[0]!.annotationCount).toBe(5);
  });

  it('follows this annotator’s own changes at once', async () => {
    folder = await makeTempProject({ 'a.txt': TEXT });
    await writeAnnotations('a.txt', 'bob', annotationFile('a.txt', 'bob', 'done', 2));
    const project = await Project.open(folder.path, { annotator: 'alice' });
    expect((await annotatorsByKey(project))['a.txt']).toEqual([
      { name: 'bob', status: 'done', annotationCount: 2 },
    ]);
    await project.createAnnotation({ key: 'a.txt', code: 'privacy', start: 0, end: 6 });
    await project.setDocumentStatus('a.txt', 'in-progress');
    expect((await annotatorsByKey(project))['a.txt']).toEqual([
      { name: 'alice', status: 'in-progress', annotationCount: 1 },
      { name: 'bob', status: 'done', annotationCount: 2 },
    ]);
  });

  it('reports a file it cannot read and counts it nowhere, the others still shown', async () => {
    folder = await makeTempProject({ 'a.txt': TEXT });
    await writeAnnotations('a.txt', 'alice', annotationFile('a.txt', 'alice', 'done', 2));
    await writeAnnotations('a.txt', 'bob', '{ "format": "gloss-annotations", oops');
    const wrong = JSON.parse(annotationFile('a.txt', 'carol', 'done', 3));
    wrong.annotations[0].target.start = 'three';
    await writeAnnotations('a.txt', 'carol', JSON.stringify(wrong));

    for (const annotator of ['alice', 'dave']) {
      // Twice: read first, then from the listing's cache, where the problem is remembered too.
      for (let round = 0; round < 2; round++) {
        const project = await Project.open(folder.path, { annotator });
        const list = await project.listDocuments();
        expect(list.problems.map((p) => p.file)).toEqual([
          '.gloss/annotations/a.txt/bob.json',
          '.gloss/annotations/a.txt/carol.json',
        ]);
        expect(list.documents[0]!.annotators).toEqual([
          { name: 'alice', status: 'done', annotationCount: 2 },
        ]);
        expect(list.documents[0]!.annotationCount).toBe(2);
      }
    }
  });

  it('keeps the annotators of an article renamed on disk under its new name', async () => {
    folder = await makeTempProject({ 'a.txt': TEXT });
    await writeAnnotations('a.txt', 'alice', annotationFile('a.txt', 'alice', 'done', 1));
    await writeAnnotations('a.txt', 'bob', annotationFile('a.txt', 'bob', 'in-progress', 2));
    const project = await Project.open(folder.path, { annotator: 'alice' });
    await project.listDocuments();
    await rename(join(folder.path, 'a.txt'), join(folder.path, 'renamed.txt'));
    const list = await project.listDocuments();
    expect(list.renamed).toEqual([{ from: 'a.txt', to: 'renamed.txt' }]);
    expect(list.documents.map((d) => [d.key, d.annotators])).toEqual([
      [
        'renamed.txt',
        [
          { name: 'alice', status: 'done', annotationCount: 1 },
          { name: 'bob', status: 'in-progress', annotationCount: 2 },
        ],
      ],
    ]);
  });
});
