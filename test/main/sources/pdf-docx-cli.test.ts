// The gloss command, built as `npm run build` builds it (pdf.js and mammoth required from
// node_modules by the bundle), reads a folder of PDF and Word articles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articlePage,
  makeDocx,
  passwordProtectedPdf,
  printPdf,
  readCorpusArticle,
} from '../../support/article-files';
import { gloss } from '../../support/gloss-cli';
import { makeTempProject, type TempProject } from '../../support/temp-project';

let project: TempProject;
let title: string;

beforeAll(async () => {
  const article = await readCorpusArticle('entertainment/001.txt');
  title = article.title;
  const [pdf, docx] = await Promise.all([
    printPdf(articlePage(article)),
    makeDocx('---\ntitle: "Café memo 😀"\n---\n\nThe memo.\n', 'markdown'),
  ]);
  project = await makeTempProject({
    'article.pdf': pdf,
    'memo.docx': docx,
    'locked.pdf': passwordProtectedPdf('secret'),
  });
}, 60_000);
afterAll(async () => {
  await project?.cleanup();
});

describe('gloss info on PDF and Word articles', () => {
  it('lists them with their titles and formats, and the protected PDF as skipped', async () => {
    const { code, stdout, stderr } = await gloss(['info', project.path, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      documents: { key: string; title: string; format: string }[];
      skipped: { path: string; reason: string }[];
    };
    expect(report.documents.map((d) => [d.key, d.format, d.title])).toEqual([
      ['article.pdf', 'pdf', title],
      ['memo.docx', 'docx', 'Café memo 😀'],
    ]);
    expect(report.skipped).toEqual([
      { path: 'locked.pdf', reason: expect.stringMatching(/^the PDF is protected by a password/) },
    ]);
  });
});
