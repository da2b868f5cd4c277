/**
 * A folder of PDF articles (200 by default; GLOSS_BENCH_PDFS changes it): BBC articles of
 * `../shared/corpus/news-txt/` printed by headless Chromium, 40 different ones each copied under
 * several names, since printing is what takes time here (about a second a file). Times the first
 * listing, which extracts every PDF (with the progress a listing reports), the listing of a reopened
 * project from .gloss/cache/, and opening one document, beside reading every file's bytes with fs;
 * then the first listing of one long PDF (150 articles, about 90 pages).
 *
 *   node --import tsx test/bench/pdf-listing-bench.ts
 */
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Project } from '../../main/project/project';
import { articlePage, printPdf, readCorpusArticle } from '../support/article-files';
import { CORPUS } from '../support/corpus';
import { median, row, seconds } from './report';

const PDFS = Number(process.env.GLOSS_BENCH_PDFS ?? 200);
const DISTINCT = Math.min(40, PDFS);
const PRINTS_AT_ONCE = 4;

export async function benchPdfListing(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-pdfs-'));
  try {
    const t = performance.now();
    const sources = (await readdir(join(CORPUS, 'news-txt', 'business'))).sort().slice(0, DISTINCT);
    let next = 0;
    let pages = 0;
    await Promise.all(
      Array.from({ length: PRINTS_AT_ONCE }, async () => {
        while (next < sources.length) {
          const name = sources[next++]!;
          const pdf = await printPdf(articlePage(await readCorpusArticle(`business/${name}`)));
          pages += (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
          await writeFile(join(dir, `${name.replace(/\.txt$/, '')}.pdf`), pdf);
        }
      }),
    );
    for (let i = DISTINCT; i < PDFS; i++) {
      const source = sources[i % DISTINCT]!.replace(/\.txt$/, '.pdf');
      await copyFile(join(dir, source), join(dir, `copy-${i}-${source}`));
    }
    const bytes = (await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f))))).reduce(
      (sum, b) => sum + b.length,
      0,
    );
    console.log(
      `\nOpen and list ${PDFS} PDF articles (${(bytes / 1024 / 1024).toFixed(1)} MB; ${DISTINCT} printed, ${pages} pages, in ${seconds(performance.now() - t)})`,
    );

    const raw = await median(3, () => readEverything(dir));
    const firsts: number[] = [];
    for (let i = 0; i < 3; i++) {
      await rm(join(dir, '.gloss'), { recursive: true, force: true });
      firsts.push(await openAndList(dir, i === 0));
    }
    firsts.sort((a, b) => a - b);
    const warm = await median(3, () => openAndList(dir, false));
    const open = await median(3, async () => {
      const project = await Project.open(dir, { annotator: 'alice', readOnly: true });
      await project.listDocuments();
      const t0 = performance.now();
      await project.getDocument(sources[0]!.replace(/\.txt$/, '.pdf'));
      return performance.now() - t0;
    });
    row('raw: read every PDF with fs', raw);
    row('Gloss, first open: extracts every PDF', firsts[1]!, raw);
    row('Gloss, reopen (cache)', warm, raw, 'target ≤ 0.5x raw');
    row('Gloss, open one listed PDF (text from the cache)', open, undefined, 'target < 50 ms');
    await benchLongPdf();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchLongPdf(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-long-pdf-'));
  try {
    const names = (await readdir(join(CORPUS, 'news-txt', 'politics'))).sort().slice(0, 150);
    const articles = await Promise.all(names.map((name) => readCorpusArticle(`politics/${name}`)));
    const pdf = await printPdf(
      articlePage({ title: 'Politics', paragraphs: articles.flatMap((a) => [a.title, ...a.paragraphs]) }),
    );
    await writeFile(join(dir, 'politics.pdf'), pdf);
    let pages = 0;
    const first = await median(3, async () => {
      await rm(join(dir, '.gloss'), { recursive: true, force: true });
      const t = performance.now();
      const project = await Project.open(dir, { annotator: 'alice' });
      const [document] = (await project.listDocuments()).documents;
      pages = document?.metadata.pages?.length ?? 0;
      return performance.now() - t;
    });
    console.log(`\nOpen and list one long PDF (${pages} pages, ${(pdf.length / 1024 / 1024).toFixed(1)} MB)`);
    row('Gloss, first open: extracts it', first, undefined, `${(first / pages).toFixed(1)} ms a page`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function readEverything(dir: string): Promise<number> {
  const t = performance.now();
  const files = (await readdir(dir)).filter((f) => f.endsWith('.pdf'));
  await Promise.all(files.map((f) => readFile(join(dir, f))));
  return performance.now() - t;
}

async function openAndList(dir: string, showProgress: boolean): Promise<number> {
  const t = performance.now();
  const project = await Project.open(dir, { annotator: 'alice' });
  const list = await project.listDocuments((progress) => {
    if (showProgress) {
      console.log(`    extracted ${progress.done} of ${progress.total} at ${seconds(performance.now() - t)}`);
    }
  });
  if (list.documents.length !== PDFS) {
    throw new Error(
      `listed ${list.documents.length} of ${PDFS} PDFs: ${JSON.stringify(list.skipped.slice(0, 3))}`,
    );
  }
  return performance.now() - t;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchPdfListing();
}
