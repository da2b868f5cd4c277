import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { CORPUS } from './corpus';

const run = promisify(execFile);

/** A BBC article of the corpus: its title (the file's first line) and its paragraphs. */
export interface Article {
  title: string;
  paragraphs: string[];
}

export async function readCorpusArticle(path: string): Promise<Article> {
  const text = await readFile(join(CORPUS, 'news-txt', path), 'utf8');
  const [title, ...paragraphs] = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return { title: title!, paragraphs };
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An HTML page of an article: its title in <title> (unless `title` is null) and an <h1>, each
 * paragraph a <p> (given as HTML when `html` is set, e.g. with &shy;), and `css` for the print.
 */
export function articlePage(
  article: Article,
  options: { css?: string; title?: string | null; html?: boolean; body?: string } = {},
): string {
  const title = options.title === undefined ? article.title : options.title;
  const paragraphs = article.paragraphs.map((p) => `<p>${options.html ? p : escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${title === null ? '' : `<title>${escapeHtml(title)}</title>`}<style>${options.css ?? ''}</style></head><body><h1>${escapeHtml(article.title)}</h1>\n${paragraphs}${options.body ?? ''}</body></html>`;
}

/**
 * Prints an HTML page to PDF with headless Chromium, as a researcher's "Save as PDF" would, without
 * the date, title, address and page number Chromium otherwise prints in the margins unless
 * `headerAndFooter` is set. Each print has a profile of its own, so prints running at the same
 * time (other tests) do not wait on each other's lock.
 */
export async function printPdf(html: string, options: { headerAndFooter?: boolean } = {}): Promise<Buffer> {
  // A few Chromiums at a time: more only make each slower, and a busy machine slower still.
  while (printing >= PRINTS_AT_ONCE) await new Promise<void>((resolve) => printQueue.push(resolve));
  printing++;
  try {
    return await print(html, options);
  } finally {
    printing--;
    printQueue.shift()?.();
  }
}

const PRINTS_AT_ONCE = 3;
let printing = 0;
const printQueue: (() => void)[] = [];

async function print(html: string, options: { headerAndFooter?: boolean }): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-print-'));
  try {
    const page = join(dir, 'page.html');
    const pdf = join(dir, 'page.pdf');
    await writeFile(page, html);
    await run(
      '/usr/bin/chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        ...(options.headerAndFooter ? [] : ['--no-pdf-header-footer']),
        `--user-data-dir=${join(dir, 'profile')}`,
        `--print-to-pdf=${pdf}`,
        pathToFileURL(page).href,
      ],
      { timeout: 60_000 },
    );
    return await readFile(pdf);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A Word file made by pandoc from an HTML page (or from Markdown with `from: 'markdown'`). */
export async function makeDocx(source: string, from: 'html' | 'markdown' = 'html'): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-docx-'));
  try {
    const input = join(dir, from === 'html' ? 'page.html' : 'page.md');
    const output = join(dir, 'page.docx');
    await writeFile(input, source);
    // Pandoc's "smart" typography would turn the article's straight quotes into curly ones.
    await run('pandoc', ['-f', from === 'html' ? 'html' : 'markdown-smart', '-o', output, input], {
      timeout: 60_000,
    });
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Words in order, whitespace of any kind between them counting as one break. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/u).filter((word) => word !== '');
}

const PASSWORD_PADDING = Buffer.from(
  '28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A',
  'hex',
);

/**
 * A one-page PDF saying "Secret words", encrypted as the PDF standard's security handler does it
 * (RC4, 40-bit, revision 2) with the user password `password`: no reader opens it without that
 * password (with '', any reader opens it, as with PDFs whose owner password only limits printing
 * or copying). Made by hand because no installed tool encrypts PDFs.
 */
export function passwordProtectedPdf(password: string): Buffer {
  const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
  const padded = (text: string) =>
    Buffer.concat([Buffer.from(text, 'latin1'), PASSWORD_PADDING]).subarray(0, 32);
  const permissions = -4;
  const id = md5(Buffer.from(`gloss test ${password}`));
  const owner = rc4(md5(padded(`owner of ${password}`)).subarray(0, 5), padded(password));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = md5(padded(password), owner, p, id).subarray(0, 5);
  const user = rc4(key, PASSWORD_PADDING);
  const objectKey = (number: number) =>
    md5(key, Buffer.from([number & 0xff, (number >> 8) & 0xff, (number >> 16) & 0xff, 0, 0])).subarray(0, 10);
  const content = rc4(objectKey(4), Buffer.from('BT /F1 24 Tf 20 100 Td (Secret words) Tj ET'));

  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> >>',
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length} >>\nstream\n`),
      content,
      Buffer.from('\nendstream'),
    ]),
    `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P ${permissions} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  objects.forEach((object, index) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`),
      Buffer.isBuffer(object) ? object : Buffer.from(object),
      Buffer.from('\nendobj\n'),
    ]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>`,
    'startxref',
    String(length),
    '%%EOF',
    '',
  ].join('\n');
  chunks.push(Buffer.from(xref));
  return Buffer.concat(chunks);
}

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}
