// Word files as researchers get them, made here by pandoc: a BBC article, and a report with
// headings, lists, footnotes and accented and emoji text.
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../../main/sources/extract-document';
import { type Article, articlePage, makeDocx, readCorpusArticle, wordsOf } from '../../support/article-files';

const REPORT = `---
title: "Budget row: Café naïve 😀"
author: Ann Example
---

# Findings

A paragraph with a note.[^1] And more text in Zürich.

- first point
- second point

1. step one
2. step two

## Method

| Fruit | Count |
|-------|-------|
| Äpfel | 3 |
| Pears 🍐 | 5 |

Closing paragraph 😀 with an emoji.

[^1]: The footnote's own text.
`;

let article: Article;
const docx: Record<string, Buffer> = {};

beforeAll(async () => {
  article = await readCorpusArticle('tech/002.txt');
  const [bbc, untitled, report] = await Promise.all([
    makeDocx(articlePage(article)),
    makeDocx(articlePage(article, { title: null })),
    makeDocx(REPORT, 'markdown'),
  ]);
  Object.assign(docx, { bbc, untitled, report });
}, 60_000);

describe('a BBC article saved as a Word file', () => {
  it("reads the article's words and paragraphs in order, titled from the document properties", async () => {
    const doc = await extractDocument('article.docx', docx.bbc!);
    expect(doc.format).toBe('docx');
    expect(doc.metadata).toEqual({ title: article.title, encoding: 'DOCX' });
    // Pandoc writes the page's <title> as the document's Title paragraph, then its <h1>.
    const expected = [article.title, article.title, ...article.paragraphs];
    expect(doc.text.split('\n\n')).toEqual(expected);
    expect(wordsOf(doc.text)).toEqual(wordsOf(expected.join(' ')));
  });

  it('takes the first heading as the title when the properties have none', async () => {
    const core = unzipSync(docx.untitled!)['docProps/core.xml'];
    expect(core && new TextDecoder().decode(core)).not.toMatch(/<dc:title>[^<]/);
    expect((await extractDocument('article.docx', docx.untitled!)).metadata.title).toBe(article.title);
  });
});

describe('a report with headings, lists and footnotes', () => {
  it('gives each heading, paragraph, list item and table row a paragraph, and the notes after their marks', async () => {
    const doc = await extractDocument('report.docx', docx.report!);
    expect(doc.metadata.title).toBe('Budget row: Café naïve 😀');
    expect(doc.text).toBe(
      [
        'Budget row: Café naïve 😀',
        'Ann Example',
        'Findings',
        'A paragraph with a note.[1] And more text in Zürich.',
        '• first point',
        '• second point',
        '1. step one',
        '2. step two',
        'Method',
        'Fruit\tCount',
        'Äpfel\t3',
        'Pears 🍐\t5',
        'Closing paragraph 😀 with an emoji.',
        "[1] The footnote's own text.",
      ].join('\n\n'),
    );
  });

  it('takes an escaped title from the properties as Word writes it', async () => {
    const files = unzipSync(docx.report!);
    const core = new TextDecoder().decode(files['docProps/core.xml']!);
    files['docProps/core.xml'] = new TextEncoder().encode(
      core.replace(
        /<dc:title>[^<]*<\/dc:title>/,
        '<dc:title>Tom &amp; Jerry &#x1F600; &lt;draft&gt;</dc:title>',
      ),
    );
    const doc = await extractDocument('report.docx', zipSync(files));
    expect(doc.metadata.title).toBe('Tom & Jerry 😀 <draft>');
  });
});

describe('Word files Gloss cannot read', () => {
  it('refuses a file whose XML would unpack to gigabytes, before unpacking it', async () => {
    const files = unzipSync(docx.report!);
    const zip = zipSync(files, { level: 0 });
    // The zip's central directory says how large each entry unpacks to: document.xml says 2 GB.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const name = new TextEncoder().encode('word/document.xml');
    let patched = false;
    for (let at = 0; at + 46 < zip.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(at + 28, true);
      const entry = zip.subarray(at + 46, at + 46 + nameLength);
      if (entry.length === name.length && entry.every((byte, i) => byte === name[i])) {
        view.setUint32(at + 24, 0x7fffffff, true);
        patched = true;
      }
    }
    expect(patched).toBe(true);
    await expect(extractDocument('bomb.docx', zip)).rejects.toThrow(
      'the Word file unpacks to 2,048 MB of XML, more than the 256 MB Gloss reads: it is probably damaged',
    );
  });

  it('refuses a file that is not a .docx, saying so', async () => {
    await expect(extractDocument('old.docx', Buffer.from('not a zip at all'))).rejects.toThrow(
      /^could not be read as a Word document: /,
    );
  });
});
