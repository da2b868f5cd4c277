/**
 * A project for the analysis views' browser tests: real BBC articles in two folders, two of
 * them as HTML pages with a publication date, tagged through the API as a researcher would:
 * each name of the register where it stands, each sentence speaking of a concern, each sum of
 * money with its value (and the stakeholder named first in its paragraph, by a relation), notes with
 * markup, accents and emoji in them, and one document marked done.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GlossService } from '../../main/api/gloss-service';
import { splitParagraphs } from '../../shared/text/paragraphs';
import { splitSentences } from '../../shared/text/sentences';
import { CORPUS } from './corpus';

const TEXT_ARTICLES = ['tech/036.txt', 'tech/138.txt', 'tech/177.txt', 'tech/369.txt'];
/** Business articles served as pages with a publication date, so the date limits have something to choose by. */
const DATED_ARTICLES: Record<string, string> = {
  'business/001.html': '2005-01-17T09:00:00Z',
  'business/002.html': '2005-02-10T09:00:00Z',
};
export const NAMES = ['Microsoft', 'Mozilla', 'Google', 'Symantec', 'Yukos', 'Time Warner'];
const CONCERNS: Record<string, RegExp> = {
  security: /\bsecurity\b/i,
  privacy: /\b(privacy|spyware)\b/i,
  'free-expression': /\b(censor\w*|free speech)\b/i,
};
/** A note with what an HTML or Markdown report must print as text, not as markup. */
export const HOSTILE_NOTE = 'Zoë’s check: <script>alert(1)</script> & *not bold* 😀';
export const DONE_KEY = 'tech/177.txt';

/** The files of the project: the text articles as they are, the dated ones wrapped in a page. */
export async function analysedFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const key of TEXT_ARTICLES) files[key] = await readFile(join(CORPUS, 'news-txt', key), 'utf8');
  for (const [key, date] of Object.entries(DATED_ARTICLES)) {
    const [title, ...body] = (await readFile(join(CORPUS, 'news-txt', key.replace('.html', '.txt')), 'utf8'))
      .split('\n')
      .filter((line) => line.trim());
    const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    files[key] = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escaped(title!)}</title>
<meta property="article:published_time" content="${date}"></head>
<body><article><h1>${escaped(title!)}</h1>${body.map((p) => `<p>${escaped(p)}</p>`).join('\n')}</article></body></html>`;
  }
  return files;
}

/** A sum of money as written in the articles ("$1.13bn", "£600m", "$50,000") and its value. */
const MONEY = /([$£])(\d[\d,]*(?:\.\d+)?)(bn|m)?\b/g;
const money = (m: RegExpMatchArray) => {
  const n = Number(m[2]!.replace(/,/g, '')) * (m[3] === 'bn' ? 1e9 : m[3] === 'm' ? 1e6 : 1);
  return { min: n, max: n, currency: m[1] === '$' ? 'USD' : 'GBP', qualifier: 'exactly' as const };
};

export async function tagAnalysedProject(service: GlossService): Promise<void> {
  const ids = new Map<string, string>();
  for (const name of NAMES) ids.set(name, (await service.addStakeholder({ name, kind: 'company' })).id);
  let notes = 0;
  for (const { key } of (await service.listDocuments({})).documents) {
    const { text } = await service.getDocument({ key });
    const mentions: { start: number; end: number; id: string }[] = [];
    for (const m of text.matchAll(new RegExp(`\\b(${NAMES.join('|')})\\b`, 'g'))) {
      const span = { start: m.index, end: m.index + m[0].length };
      const { id } = await service.createAnnotation({
        key,
        code: 'stakeholder',
        ...span,
        stakeholderId: ids.get(m[0]),
      });
      mentions.push({ ...span, id });
    }
    for (const paragraph of splitParagraphs(text)) {
      for (const sentence of splitSentences(paragraph)) {
        for (const [code, pattern] of Object.entries(CONCERNS)) {
          if (!pattern.test(text.slice(sentence.start, sentence.end))) continue;
          // Every third concern passage has a note, the first of them the one with markup in it.
          const note = notes++ % 3 === 0 ? (notes === 1 ? HOSTILE_NOTE : `note ${notes} — café`) : undefined;
          await service.createAnnotation({ key, code, ...sentence, ...(note ? { note } : {}) });
        }
        for (const m of text.slice(sentence.start, sentence.end).matchAll(MONEY)) {
          const start = sentence.start + m.index;
          const figure = await service.createAnnotation({
            key,
            code: 'money',
            start,
            end: start + m[0].length,
            value: money(m),
          });
          const named = mentions.find((x) => x.start >= paragraph.start && x.end <= paragraph.end);
          if (named) await service.createRelation({ key, type: 'describes', from: figure.id, to: named.id });
        }
      }
    }
  }
  await service.setDocumentStatus({ key: DONE_KEY, status: 'done' });
}
