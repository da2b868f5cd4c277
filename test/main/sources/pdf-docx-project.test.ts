// A folder of PDF and Word articles through the service, as the screens and the command line
// reach it: listed with titles (and the unreadable ones skipped with reasons), annotated, found by
// search and suggestions, exported in every format, re-attached after the PDF changes, and
// listed again from .gloss/cache/ without extracting anything.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService, type GlossServiceOptions } from '../../../main/api/gloss-service';
import * as extraction from '../../../main/sources/extract-document';
import { inProcessTransport } from '../../../main/transports/in-process';
import { createApiClient, type GlossClient } from '../../../shared/api-client';
import { utf16ToCodePoint } from '../../../shared/text/offsets';
import {
  type Article,
  articlePage,
  makeDocx,
  passwordProtectedPdf,
  printPdf,
  readCorpusArticle,
} from '../../support/article-files';
import { makeTempProject, type TempProject } from '../../support/temp-project';

// The real extractor, counted: a listing from the cache extracts nothing.
vi.mock('../../../main/sources/extract-document', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../main/sources/extract-document')>();
  return { ...real, extractDocument: vi.fn(real.extractDocument) };
});
const extractDocument = vi.mocked(extraction.extractDocument);

const REPORT = `---
title: "Budget row 😀 in Zürich"
---

# Findings

The minister in Zürich said the budget was safe.
`;

let project: TempProject;
let article: Article;
const services: { close(): Promise<void> }[] = [];

function client(options: Partial<GlossServiceOptions> = {}): GlossClient {
  const service = createGlossService({
    watchFolder: false,
    allowOpenProject: true,
    annotator: 'alice',
    ...options,
  });
  services.push(service);
  return createApiClient(
    inProcessTransport(
      createDispatch(service, () => {}),
      service,
    ),
  );
}

const pdfOf = (a: Article, extra?: string) =>
  printPdf(articlePage(extra ? { ...a, paragraphs: [extra, ...a.paragraphs] } : a));

beforeAll(async () => {
  article = await readCorpusArticle('business/001.txt');
  const [pdf, docx, scan] = await Promise.all([
    pdfOf(article),
    makeDocx(REPORT, 'markdown'),
    printPdf('<!doctype html><html><body><canvas width="300" height="100"></canvas></body></html>'),
  ]);
  project = await makeTempProject({
    'reports/article.pdf': pdf,
    'reports/budget.docx': docx,
    // The owner file Word keeps beside a document it has open: neither an article nor skipped.
    'reports/~$budget.docx': Buffer.from('\u0004alice', 'latin1'),
    'reports/scan.pdf': scan,
    'reports/locked.pdf': passwordProtectedPdf('secret'),
    'notes.txt': 'Plain notes\n\nTimeWarner and Google.\n',
  });
}, 60_000);
afterAll(async () => {
  for (const service of services) await service.close();
  await project?.cleanup();
});

describe('a folder of PDF and Word articles', () => {
  it('lists them with their titles and formats, and the unreadable PDFs as skipped with the reason', async () => {
    const api = client();
    await api.openProject({ path: project.path });
    const list = await api.listDocuments({});
    expect(list.documents.map((d) => [d.key, d.format, d.title])).toEqual([
      ['notes.txt', 'txt', 'Plain notes'],
      ['reports/article.pdf', 'pdf', article.title],
      ['reports/budget.docx', 'docx', 'Budget row 😀 in Zürich'],
    ]);
    expect(list.skipped).toEqual([
      {
        path: 'reports/locked.pdf',
        reason:
          'the PDF is protected by a password, and Gloss does not open protected files: save an unprotected copy to annotate it',
      },
      {
        path: 'reports/scan.pdf',
        reason:
          'the PDF has no text layer, only images of its pages (a scan?): make it searchable with OCR (e.g. ocrmypdf) to annotate it',
      },
    ]);
    const pdf = list.documents.find((d) => d.format === 'pdf')!;
    expect(pdf.metadata.pages).toEqual([{ number: 1, start: 0 }]);
    // The extracted text is kept by fingerprint, as an HTML page's is.
    const cached = await readdir(join(project.path, '.gloss', 'cache', 'text'));
    expect(cached.sort()).toEqual(
      list.documents
        .filter((d) => d.format !== 'txt')
        .map((d) => `${d.fingerprint}.txt`)
        .sort(),
    );
  });

  it('is annotated, searched, suggested and exported in every format, with code-point offsets where promised', async () => {
    const api = client();
    await api.openProject({ path: project.path });
    const pdf = await api.getDocument({ key: 'reports/article.pdf' });
    const docx = await api.getDocument({ key: 'reports/budget.docx' });
    const inPdf = pdf.text.indexOf('TimeWarner');
    await api.createAnnotation({ key: pdf.key, code: 'privacy', start: inPdf, end: inPdf + 10 });
    // After the title's emoji: the UTF-16 offset is one more than the code point.
    const inDocx = docx.text.indexOf('Zürich said');
    await api.createAnnotation({ key: docx.key, code: 'security', start: inDocx, end: inDocx + 6 });

    const found = await api.searchCorpus({ query: 'timewarner', limit: 100 });
    expect(found.byDocument).toEqual({
      'notes.txt': 1,
      'reports/article.pdf': pdf.text.split('TimeWarner').length - 1,
    });
    expect(found.byDocument['reports/article.pdf']).toBe(7);
    const hit = found.hits.find((h) => h.key === 'reports/article.pdf')!;
    expect(pdf.text.slice(hit.start, hit.end)).toBe('TimeWarner');

    const suggestions = await api.listSuggestions({ key: pdf.key });
    const figure = suggestions.suggestions.find((s) => s.quote === '$1.13bn');
    expect(figure?.value).toMatchObject({ min: 1.13e9, max: 1.13e9, currency: 'USD' });
    expect(pdf.text.slice(figure!.start, figure!.end)).toBe('$1.13bn');

    const formats = (await api.exportFormats({})).map((f) => f.id);
    expect(formats.length).toBeGreaterThanOrEqual(6);
    for (const format of formats) {
      const result = await api.exportDataset({ format });
      expect(result.files.length, format).toBeGreaterThan(0);
    }
    const jsonl = await api.exportDataset({ format: 'jsonl' });
    const lines = (await readFile(join(project.path, jsonl.folder, jsonl.files[0]!), 'utf8'))
      .trim()
      .split('\n')
      .map(
        (line) => JSON.parse(line) as { key: string; text: string; spans: { start: number; end: number }[] },
      );
    const exported = lines.find((l) => l.key === docx.key)!;
    expect(exported.text).toBe(docx.text);
    expect(exported.spans).toMatchObject([
      { start: utf16ToCodePoint(docx.text, inDocx), end: utf16ToCodePoint(docx.text, inDocx + 6) },
    ]);
    expect(exported.spans[0]!.start).toBe(inDocx - 1);
    expect([...exported.text].slice(exported.spans[0]!.start, exported.spans[0]!.end).join('')).toBe(
      'Zürich',
    );
    expect(lines.find((l) => l.key === pdf.key)!.text).toBe(pdf.text);
  });

  it('takes its own exports back onto the PDF and Word articles themselves, finding their annotations there', async () => {
    const alice = client();
    await alice.openProject({ path: project.path });
    const bob = client({ annotator: 'bob' });
    await bob.openProject({ path: project.path });
    for (const format of ['jsonl', 'refi-qda']) {
      const exported = await alice.exportDataset({
        format,
        documents: ['reports/article.pdf', 'reports/budget.docx'],
      });
      const files = await Promise.all(
        exported.files.map(async (file) => ({
          path: file,
          data: (await readFile(join(project.path, exported.folder, file))).toString('base64'),
        })),
      );
      const outcome = await bob.importFiles({ format, into: '', files });
      if (!outcome.ok) throw new Error(`${format}: ${JSON.stringify(outcome.problems)}`);
      expect(outcome.documents, format).toEqual([]);
      expect(outcome.annotated.sort(), format).toEqual(['reports/article.pdf', 'reports/budget.docx']);
      // Annotations keep their author: alice's two, at the same places, are already there.
      expect([outcome.annotations, outcome.alreadyThere.annotations], format).toEqual([0, 2]);
    }
  });

  it('lists again from the cache after a restart, extracting nothing', async () => {
    extractDocument.mockClear();
    const api = client();
    await api.openProject({ path: project.path });
    const list = await api.listDocuments({});
    expect(list.documents).toHaveLength(3);
    expect(list.skipped).toHaveLength(2);
    await api.getDocument({ key: 'reports/article.pdf' });
    await api.getDocument({ key: 'reports/budget.docx' });
    expect(extractDocument).not.toHaveBeenCalled();
  });

  it("re-attaches the PDF's annotations when a new version of it comes", async () => {
    await writeFile(
      join(project.path, 'reports', 'article.pdf'),
      await pdfOf(article, 'An editor’s note added at the top of the new version.'),
    );
    const api = client();
    await api.openProject({ path: project.path });
    await api.listDocuments({});
    const opened = await api.getDocument({ key: 'reports/article.pdf' });
    expect(opened.orphans).toEqual([]);
    const annotations = await api.listAnnotations({ key: 'reports/article.pdf' });
    expect(annotations.map((a) => opened.text.slice(a.target.start, a.target.end))).toEqual(['TimeWarner']);
    expect(annotations[0]!.target.start).toBe(opened.text.indexOf('TimeWarner'));
    expect(annotations[0]!.target.start).toBeGreaterThan(article.title.length + 50);
  });
});
