// Ten BBC articles across the corpus's five sections, each printed to PDF by Chromium and saved
// as a Word file by pandoc: both read back as the article's paragraphs, word for word.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../../main/sources/extract-document';
import {
  type Article,
  articlePage,
  makeDocx,
  printPdf,
  readCorpusArticle,
} from '../../support/article-files';
import { CORPUS } from '../../support/corpus';

interface Sample {
  path: string;
  article: Article;
  pdf: Buffer;
  docx: Buffer;
}

const samples: Sample[] = [];

beforeAll(async () => {
  const paths: string[] = [];
  for (const section of ['business', 'entertainment', 'politics', 'sport', 'tech']) {
    const files = (await readdir(join(CORPUS, 'news-txt', section))).sort();
    // Two far apart in each section (sport/199.txt, the one legacy-encoded file, is not among them).
    paths.push(`${section}/${files[11]}`, `${section}/${files[Math.floor(files.length * 0.7)]}`);
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < paths.length) {
        const path = paths[next++]!;
        const article = await readCorpusArticle(path);
        const [pdf, docx] = await Promise.all([
          printPdf(articlePage(article)),
          makeDocx(articlePage(article, { title: null })),
        ]);
        samples.push({ path, article, pdf, docx });
      }
    }),
  );
  samples.sort((a, b) => a.path.localeCompare(b.path));
}, 180_000);

describe('BBC articles as PDF and Word files', () => {
  it('read back as the article, paragraph by paragraph, word for word', async () => {
    expect(samples).toHaveLength(10);
    const wrong: string[] = [];
    for (const { path, article, pdf, docx } of samples) {
      const expected = [article.title, ...article.paragraphs];
      for (const [format, bytes] of [
        ['pdf', pdf],
        ['docx', docx],
      ] as const) {
        const doc = await extractDocument(`article.${format}`, bytes);
        const paragraphs = doc.text.split('\n\n');
        const at = expected.findIndex((paragraph, i) => paragraphs[i] !== paragraph);
        if (at >= 0 || paragraphs.length !== expected.length) {
          wrong.push(
            `${path} as ${format}, paragraph ${at}: ${JSON.stringify(paragraphs[at]?.slice(0, 80))}`,
          );
        }
        if (doc.metadata.title !== article.title)
          wrong.push(`${path} as ${format}: title ${doc.metadata.title}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
