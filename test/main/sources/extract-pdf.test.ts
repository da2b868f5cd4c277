// PDFs as researchers get them: BBC articles printed by Chromium ("Save as PDF"), a scan with no
// text layer, a password-protected file. Each is made here, once, in a temporary folder.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../../main/sources/extract-document';
import { loadPdfjs } from '../../../main/sources/load-pdfjs';
import {
  type Article,
  articlePage,
  passwordProtectedPdf,
  printPdf,
  readCorpusArticle,
  wordsOf,
} from '../../support/article-files';
import { REPO } from '../../support/corpus';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const ACCENTED = 'Café naïve 😀 façade – “quoted” Zürich';

let article: Article;
let second: Article;
let third: Article;
const pdfs: Record<string, Buffer> = {};

beforeAll(async () => {
  [article, second, third] = await Promise.all([
    readCorpusArticle('business/001.txt'),
    readCorpusArticle('politics/003.txt'),
    readCorpusArticle('politics/293.txt'),
  ]);
  // Three articles, each from a new page, set large so that paragraphs run over page breaks; an
  // emoji and accents before the first break, so that UTF-16 offsets and code points part ways.
  const section = (a: Article, style: string) =>
    `<h1 style="${style}">${escapeHtml(a.title)}</h1>${a.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}`;
  const several = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(article.title)}</title>
    <style>body { font-size: 20px }</style></head><body>${section(article, '')}<p>${ACCENTED}</p>
    ${section(second, 'break-before: page')}${section(third, 'break-before: page')}</body></html>`;
  const hyphenated = articlePage(
    {
      title: 'Hyphens',
      paragraphs: [
        'An extra&shy;ordinarily long co-operation between inter&shy;nationalisation experts and tele&shy;communications firms',
      ],
    },
    { html: true, css: 'p { width: 6em; font-size: 16px }' },
  );
  const scan = `<!doctype html><html><head><title>Scanned letter</title></head><body><canvas id="c" width="600" height="200"></canvas><script>
    const g = document.getElementById('c').getContext('2d'); g.font = '32px serif'; g.fillText('Words drawn as pixels', 20, 100);
  </script></body></html>`;
  const [one, many, hyphens, untitled, scanned, withMargins, columns, oneWithMargins] = await Promise.all([
    printPdf(articlePage(article)),
    printPdf(several),
    printPdf(hyphenated),
    printPdf(articlePage(article, { title: null })),
    printPdf(scan),
    printPdf(several, { headerAndFooter: true }),
    printPdf(
      articlePage(third, {
        css: 'body { columns: 2; column-gap: 2em; font-size: 13px } h1 { column-span: all }',
      }),
    ),
    printPdf(articlePage(article), { headerAndFooter: true }),
  ]);
  Object.assign(pdfs, { one, many, hyphens, untitled, scanned, withMargins, columns, oneWithMargins });
}, 120_000);

describe('a BBC article printed to PDF', () => {
  it("reads the article's words in order, each paragraph whole, titled from the document information", async () => {
    const doc = await extractDocument('article.pdf', pdfs.one!);
    expect(doc.format).toBe('pdf');
    expect(doc.metadata).toMatchObject({ title: article.title, encoding: 'PDF', lang: 'en' });
    expect(doc.metadata.pages).toEqual([{ number: 1, start: 0 }]);
    // The heading and every paragraph, lines joined, in order: the same text the .txt holds.
    expect(doc.text.split('\n\n')).toEqual([article.title, ...article.paragraphs]);
  });

  it('takes the first heading as the title when the PDF names only the file it was printed from', async () => {
    const doc = await extractDocument('saved.pdf', pdfs.untitled!);
    expect(doc.metadata.title).toBe(article.title);
  });
});

describe('a PDF of several pages', () => {
  it('keeps every word in order, paragraphs joined across page breaks', async () => {
    const doc = await extractDocument('three.pdf', pdfs.many!);
    const expected = [article, second, third].flatMap((a) => [a.title, ...a.paragraphs]);
    expected.splice(article.paragraphs.length + 1, 0, ACCENTED);
    expect(wordsOf(doc.text)).toEqual(wordsOf(expected.join(' ')));
    expect(doc.text.split('\n\n')).toEqual(expected);
  });

  it('says where each page starts, in UTF-16 code units, a new article at the top of its page', async () => {
    const doc = await extractDocument('three.pdf', pdfs.many!);
    const pages = doc.metadata.pages!;
    const { numPages } = await loadPdfjs().getDocument({ data: new Uint8Array(pdfs.many!) }).promise;
    expect(pages.map((p) => p.number)).toEqual(Array.from({ length: numPages }, (_, i) => i + 1));
    expect(numPages).toBeGreaterThan(3);
    expect(pages[0]!.start).toBe(0);
    for (let i = 1; i < pages.length; i++) expect(pages[i]!.start).toBeGreaterThan(pages[i - 1]!.start);
    // The second article begins page 2, after the emoji: an offset in code points would be one less.
    expect(doc.text.slice(pages[1]!.start)).toMatch(
      new RegExp(`^${second.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n\\n`),
    );
    expect(doc.text.indexOf(second.title)).toBe(pages[1]!.start);
    expect([...doc.text.slice(0, pages[1]!.start)].length).toBe(pages[1]!.start - 1);
    // The third article begins a later page; every page starts at the start of a word.
    expect(pages.some((p) => doc.text.startsWith(third.title, p.start))).toBe(true);
    for (const { start } of pages.slice(1)) expect(doc.text.charAt(start - 1)).toMatch(/\s/);
    const accented = doc.text.indexOf(ACCENTED);
    expect(doc.text.slice(accented, accented + ACCENTED.length)).toBe(ACCENTED);
  });
});

describe('a PDF in two columns', () => {
  it('reads each column down before the next, paragraphs whole across columns and pages', async () => {
    const doc = await extractDocument('columns.pdf', pdfs.columns!);
    expect(doc.metadata.pages!.length).toBeGreaterThan(1);
    expect(doc.text.split('\n\n')).toEqual([third.title, ...third.paragraphs]);
  });
});

describe('running headers and footers', () => {
  it('leaves out the date, title, address and page numbers Chromium prints in the margins', async () => {
    const clean = await extractDocument('three.pdf', pdfs.many!);
    const printed = await extractDocument('three.pdf', pdfs.withMargins!);
    expect(printed.metadata.pages!.length).toBeGreaterThan(3);
    expect(printed.text).toBe(clean.text);
    expect(printed.text).not.toMatch(/file:\/\/|\b\d+\/\d+\b/);
  });

  it('leaves them out of a one-page print too, where nothing repeats from page to page', async () => {
    const clean = await extractDocument('article.pdf', pdfs.one!);
    const printed = await extractDocument('article.pdf', pdfs.oneWithMargins!);
    expect(printed.text).toBe(clean.text);
  });
});

describe('hyphenation', () => {
  it('makes words broken at line ends whole again, and keeps the hyphen of a compound', async () => {
    const doc = await extractDocument('hyphens.pdf', pdfs.hyphens!);
    expect(doc.text).toBe(
      'Hyphens\n\nAn extraordinarily long co-operation between internationalisation experts and telecommunications firms',
    );
  });
});

describe('PDFs Gloss cannot read', () => {
  it('refuses a scan, which has no text layer, saying what to do', async () => {
    await expect(extractDocument('scan.pdf', pdfs.scanned!)).rejects.toThrow(
      'the PDF has no text layer, only images of its pages (a scan?): make it searchable with OCR (e.g. ocrmypdf) to annotate it',
    );
  });

  it('refuses a password-protected PDF', async () => {
    const locked = passwordProtectedPdf('secret');
    await expect(extractDocument('locked.pdf', locked)).rejects.toThrow(
      'the PDF is protected by a password, and Gloss does not open protected files: save an unprotected copy to annotate it',
    );
    // The file is a real protected PDF: with its password, pdfjs reads it.
    const pdf = await loadPdfjs().getDocument({ data: new Uint8Array(locked), password: 'secret' }).promise;
    const content = await (await pdf.getPage(1)).getTextContent();
    expect(content.items.map((item) => ('str' in item ? item.str : '')).join('')).toBe('Secret words');
    await pdf.destroy();
  });

  it('reads an encrypted PDF that needs no password to open (an owner password only limits printing or copying)', async () => {
    const doc = await extractDocument('restricted.pdf', passwordProtectedPdf(''));
    expect(doc.text).toBe('Secret words');
  });

  it('refuses a PDF cut off halfway, as an interrupted download leaves it', async () => {
    await expect(extractDocument('cut.pdf', pdfs.one!.subarray(0, pdfs.one!.length / 2))).rejects.toThrow(
      'not a valid PDF file (it may be damaged, or only partly downloaded)',
    );
  });

  it('refuses a file that is not a PDF at all', async () => {
    await expect(extractDocument('notes.pdf', Buffer.from('just some notes'))).rejects.toThrow(
      /^not a valid PDF file/,
    );
  });
});

describe('pdf.js without the optional canvas package', () => {
  it('reads text, and prints no warning about drawing, where @napi-rs/canvas is not installed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-no-canvas-'));
    try {
      // A Node in which the package cannot be found, as in an install that left it out.
      await writeFile(
        join(dir, 'no-canvas.cjs'),
        `const Module = require('node:module');
        const resolve = Module._resolveFilename;
        Module._resolveFilename = function (request, ...rest) {
          if (request.startsWith('@napi-rs/canvas')) throw Object.assign(new Error('Cannot find module ' + request), { code: 'MODULE_NOT_FOUND' });
          return resolve.call(this, request, ...rest);
        };`,
      );
      await writeFile(join(dir, 'article.pdf'), pdfs.one!);
      const extractor = pathToFileURL(join(REPO, 'main/sources/extract-document.ts')).href;
      await writeFile(
        join(dir, 'read.mts'),
        `const { extractDocument } = await import(${JSON.stringify(extractor)});
        const { readFile } = await import('node:fs/promises');
        const doc = await extractDocument('article.pdf', await readFile(process.argv[2]));
        process.stdout.write(JSON.stringify(doc.text));`,
      );
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        [
          '--require',
          join(dir, 'no-canvas.cjs'),
          '--import',
          'tsx',
          join(dir, 'read.mts'),
          join(dir, 'article.pdf'),
        ],
        { cwd: REPO, timeout: 60_000 },
      );
      expect(JSON.parse(stdout)).toBe((await extractDocument('article.pdf', pdfs.one!)).text);
      expect(stderr).not.toMatch(/Warning|canvas/i);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
