import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGlossService } from '../../../main/api/gloss-service';
import { exportProject, importIntoProject } from '../../../main/cli/exchange-commands';
import { ImportProblemsError } from '../../../main/exchange/import-problems-error';
import { sampleDataset } from '../../support/sample-dataset';
import { type AnnotatedSample, annotateSample } from '../../support/sample-project';

/**
 * Importing onto articles already in the project, for every format that carries annotations: a
 * colleague's project (two annotators, stakeholders, values, notes, relations, emoji, an HTML page)
 * is exported, and a project holding the same articles (one saved with a byte-order mark and
 * Windows line endings, as another computer might) imports it into its own folder. The work
 * lands on those articles under its annotators, the articles stay as they were, what an annotator
 * already had is not doubled, and a second import adds nothing.
 */
const FORMATS = ['jsonl', 'brat', 'w3c', 'refi-qda'] as const;
const EXTENSIONS: Record<string, string> = { jsonl: 'jsonl', w3c: 'jsonld', 'refi-qda': 'qdpx' };
const PAGE =
  '<html><head><title>Deal page</title></head><body><h1>Deal page</h1><p>Oracle and Walmart 😀 bid for TikTok.</p></body></html>';
const KEYS = ['deal.txt', 'page.html', 'world/café.txt'];

let scratch: string;
let colleague: string;
let sample: AnnotatedSample;

/** The article files, as the colleague's project and the researcher's project each have them. */
function articles(windows: boolean): Record<string, string> {
  const files: Record<string, string> = { 'page.html': PAGE };
  for (const document of sampleDataset().documents) files[document.key] = document.text;
  if (windows) files['deal.txt'] = `\ufeff${files['deal.txt']!.replace(/\n/g, '\r\n')}`;
  return files;
}

async function writeFiles(folder: string, files: Record<string, string>) {
  for (const [key, content] of Object.entries(files)) {
    const path = join(folder, ...key.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}

/** Each article's annotations and relations in names, by author: comparable across projects. */
async function work(folder: string) {
  const service = createGlossService({ annotator: 'reader' });
  await service.open(folder);
  const { codebook, stakeholders } = await service.getProject({});
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    const annotations = await service.listAnnotations({ key });
    const quote = (id: string) => annotations.find((a) => a.id === id)?.target.quote;
    out[key] = {
      annotations: annotations
        .map((a) => ({
          span: [a.target.start, a.target.end],
          quote: a.target.quote,
          code: codebook.codes.find((c) => c.id === a.code)?.name,
          author: a.author,
          note: a.note,
          value: a.value,
          stakeholder: stakeholders.find((s) => s.id === a.stakeholderId)?.name,
        }))
        .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
      relations: (await service.listRelations({ key }))
        .map((r) => ({
          type: codebook.relationTypes.find((t) => t.id === r.type)?.name,
          from: quote(r.from),
          to: quote(r.to),
          author: r.author,
        }))
        .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    };
  }
  service.close();
  return out;
}

/** Bytes and modification time of every article file: an import onto them must leave both. */
async function articleFiles(folder: string) {
  const out: Record<string, { bytes: string; mtimeMs: number }> = {};
  for (const key of KEYS) {
    const path = join(folder, ...key.split('/'));
    out[key] = { bytes: (await readFile(path)).toString('hex'), mtimeMs: (await stat(path)).mtimeMs };
  }
  return out;
}

/** Bob's own tag on the café article, made in the researcher's project before the import. */
async function bobTagsPrivacy(folder: string) {
  const bob = createGlossService({ annotator: 'bob' });
  await bob.open(folder);
  const text = sampleDataset().documents[0]!.text;
  const quote = 'raised privacy concerns about TikTok';
  const start = text.indexOf(quote);
  await bob.createAnnotation({ key: 'world/café.txt', code: 'privacy', start, end: start + quote.length });
  bob.close();
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'gloss-import-existing-'));
  colleague = join(scratch, 'colleague');
  await writeFiles(colleague, articles(false));
  sample = await annotateSample(colleague);
  const alice = await sample.as('alice');
  // The HTML page: its extracted text is what the export carries and what the import compares.
  const { text } = await alice.getDocument({ key: 'page.html' });
  const start = text.indexOf('Oracle');
  await alice.createAnnotation({
    key: 'page.html',
    code: 'stakeholder',
    start,
    end: start + 'Oracle'.length,
  });
});

afterAll(async () => {
  sample.close();
  await rm(scratch, { recursive: true, force: true });
});

describe.each(FORMATS)('importing %s onto articles already in the project', (id) => {
  let out: string;
  let mine: string;

  beforeAll(async () => {
    out = join(scratch, `out-${id}`, EXTENSIONS[id] ? `dataset.${EXTENSIONS[id]}` : '');
    const exported = await exportProject({ folder: colleague, format: id, out, filters: {} });
    expect(exported.documents).toBe(3);
    mine = join(scratch, `mine-${id}`);
    await writeFiles(mine, articles(true));
    await bobTagsPrivacy(mine);
  });

  it('puts the annotations and relations on those articles under their annotators, writing no article', async () => {
    const before = await articleFiles(mine);
    const summary = await importIntoProject({ folder: mine, format: id, path: out, into: '' });
    expect(summary.documents).toEqual([]);
    expect([...summary.annotated].sort()).toEqual(KEYS);
    // Bob already had his privacy tag: it is not doubled, and his relation to it links the one there.
    expect(summary.alreadyThere).toEqual({ annotations: 1, relations: 0 });
    expect(summary.annotations).toBe(9);
    expect(summary.relations).toBe(3);
    expect(await articleFiles(mine)).toEqual(before);
    expect(await work(mine)).toEqual(await work(colleague));
  });

  it('adds nothing when the same file is imported again', async () => {
    const before = await work(mine);
    const summary = await importIntoProject({ folder: mine, format: id, path: out, into: '' });
    expect(summary).toMatchObject({ documents: [], annotations: 0, relations: 0 });
    expect(summary.alreadyThere).toEqual({ annotations: 10, relations: 3 });
    expect(await work(mine)).toEqual(before);
  });

  it('lists an article whose text differs, with where, and writes nothing at all', async () => {
    const other = join(scratch, `other-${id}`);
    const files = articles(false);
    files['world/café.txt'] = files['world/café.txt']!.replace('800 million', '900 million');
    await writeFiles(other, files);
    const opening = createGlossService();
    await opening.open(other);
    opening.close();
    const projectFile = await readFile(join(other, '.gloss/project.json'), 'utf8');
    const error = await importIntoProject({ folder: other, format: id, path: out, into: '' }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportProblemsError);
    const problems = (error as ImportProblemsError).problems;
    expect(problems).toHaveLength(1);
    const at = files['world/café.txt']!.indexOf('900');
    expect(problems[0]!.file).toMatch(/café/);
    expect(problems[0]!.message).toContain('world/café.txt is already in the project, with another text');
    expect(problems[0]!.message).toContain(`first differ at character ${at} (line 3,`);
    expect(problems[0]!.message).toContain('the import has "800 million');
    // No annotation file, no code or stakeholder added, and the other articles untouched too.
    expect(await readFile(join(other, '.gloss/project.json'), 'utf8')).toBe(projectFile);
    expect(await readdir(join(other, '.gloss/annotations'), { recursive: true })).toEqual([]);
  });
});

describe('where an imported document lands', () => {
  it('on the article an export renamed to .txt: of a.md and a.html, the one with the same text', async () => {
    const mine = join(scratch, 'mine-renamed');
    await writeFiles(mine, { 'a.md': '# Notes 😀\n\nOracle bid.\n', 'a.html': PAGE });
    const service = createGlossService({ annotator: 'reader' });
    await service.open(mine);
    // The page's extracted text, as an export of it carries it; a.md comes first among the candidates.
    const { text } = await service.getDocument({ key: 'a.html' });
    const start = [...text].indexOf('O');
    const input = join(scratch, 'renamed.jsonl');
    const spans = [{ start, end: start + 'Oracle'.length, label: 'stakeholder' }];
    await writeFile(input, `${JSON.stringify({ key: 'a.txt', text, spans })}\n`);
    const summary = await importIntoProject({ folder: mine, format: 'jsonl', path: input, into: '' });
    expect(summary).toMatchObject({ documents: [], annotated: ['a.html'], annotations: 1 });
    expect((await service.listAnnotations({ key: 'a.html' })).map((a) => a.target.quote)).toEqual(['Oracle']);
    expect(await service.listAnnotations({ key: 'a.md' })).toEqual([]);
    service.close();
    expect(await readdir(mine)).not.toContain('a.txt');
  });

  it('next to the articles under --into, as a new article, when that folder does not hold it', async () => {
    const out = join(scratch, 'into.jsonl');
    await exportProject({ folder: colleague, format: 'jsonl', out, filters: {} });
    const mine = join(scratch, 'mine-into');
    await writeFiles(mine, articles(true));
    const summary = await importIntoProject({ folder: mine, format: 'jsonl', path: out, into: 'imported' });
    expect(summary.annotated).toEqual([]);
    // jsonl writes the page's key as page.html.txt: a new .txt under imported/, the page's text.
    expect([...summary.documents].sort()).toEqual([
      'imported/deal.txt',
      'imported/page.html.txt',
      'imported/world/café.txt',
    ]);
  });
});
