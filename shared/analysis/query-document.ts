import { figureValueWords, type QueryReport, quoteInSentence } from './query-report';
import { type NamedQuery, queryInWords } from './query-words';

/**
 * The readable report of a coding query, for a method appendix, as Markdown and as HTML from one
 * outline: the query in words, the day it was made, the counts, then the passages grouped by
 * document (title, key, date), each in its sentence with its code, annotator, value and note.
 * Every text from the project is escaped, so a passage holding `<script>` or `*` prints as itself.
 */
interface Outline {
  title: string;
  query: string;
  made: string;
  counts: string;
  documents: {
    title: string;
    key: string;
    date?: string;
    passages: { before: string; quote: string; after: string; facts: string[]; note?: string }[];
  }[];
}

/** `made`: the day the report is made, YYYY-MM-DD. */
function outline(report: QueryReport, query: NamedQuery, made: string): Outline {
  const documents = new Map<string, Outline['documents'][number]>();
  const perCode = new Map<string, number>();
  for (const p of report.passages) {
    perCode.set(p.code, (perCode.get(p.code) ?? 0) + 1);
    let document = documents.get(p.key);
    if (!document) {
      document = { title: p.title || p.key, key: p.key, ...(p.date ? { date: p.date } : {}), passages: [] };
      documents.set(p.key, document);
    }
    const placed = quoteInSentence(p.sentence, p.quote) ?? { before: '', quote: p.quote, after: '' };
    document.passages.push({
      ...placed,
      facts: [
        p.code,
        `tagged by ${p.annotator}`,
        ...(p.value ? [`value: ${figureValueWords(p.value)}`] : []),
      ],
      ...(p.note ? { note: p.note } : {}),
    });
  }
  const n = report.passages.length;
  const byCode = [...perCode].map(([code, count]) => `${code} ${count}`).join(', ');
  return {
    title: `Coding query: ${query.codes.join(', ')}`,
    query: queryInWords(query),
    made,
    counts: `${n} passage${n === 1 ? '' : 's'} in ${documents.size} document${documents.size === 1 ? '' : 's'}${n ? ` (${byCode})` : ''}.`,
    documents: [...documents.values()],
  };
}

const dateOf = (date: string | undefined) => (date ? `, published ${date.slice(0, 10)}` : '');

/**
 * Text Markdown might read as markup, escaped with backslashes (CommonMark allows one before any
 * ASCII punctuation): the characters that mark up inside a line anywhere, and at the start of a
 * line what would make it a list item, quote or rule. Line breaks become spaces.
 */
function md(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_{}[\]<>#|~&]/g, '\\$&')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

export function queryMarkdown(report: QueryReport, query: NamedQuery, made: string): string {
  const o = outline(report, query, made);
  const lines = [`# ${md(o.title)}`, '', md(o.query), '', `Made on ${o.made} with Gloss. ${md(o.counts)}`];
  for (const d of o.documents) {
    lines.push('', `## ${md(d.title)}`, '', `${md(d.key)}${md(dateOf(d.date))}`, '');
    d.passages.forEach((p, i) => {
      // The facts as a paragraph of the item's own, not run on after its sentence.
      if (i > 0) lines.push('');
      lines.push(`${i + 1}. ${md(p.before)}**${md(p.quote)}**${md(p.after)}`, '');
      lines.push(`   — ${md(p.facts.join('; '))}${p.note ? `; note: ${md(p.note)}` : ''}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE =
  'body{font:16px/1.5 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222;background:#fff}' +
  'h2{margin-top:2rem;font-size:1.2rem}.where,.facts{color:#555;font-size:.9rem}' +
  'mark{background:#fde68a;color:inherit}li{margin-bottom:.8rem}' +
  '@media (prefers-color-scheme:dark){body{color:#ddd;background:#181818}.where,.facts{color:#aaa}mark{background:#7c5e10}}';

export function queryHtml(report: QueryReport, query: NamedQuery, made: string): string {
  const o = outline(report, query, made);
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${html(o.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${html(o.title)}</h1>`,
    `<p>${html(o.query)}</p>`,
    `<p>Made on <time datetime="${html(o.made)}">${html(o.made)}</time> with Gloss. ${html(o.counts)}</p>`,
  ];
  for (const d of o.documents) {
    parts.push(
      '<section>',
      `<h2>${html(d.title)}</h2>`,
      `<p class="where">${html(d.key + dateOf(d.date))}</p>`,
      '<ol>',
    );
    for (const p of d.passages) {
      parts.push(
        `<li><p>${html(p.before)}<mark>${html(p.quote)}</mark>${html(p.after)}</p>` +
          `<p class="facts">${html(p.facts.join('; '))}${p.note ? `; note: ${html(p.note)}` : ''}</p></li>`,
      );
    }
    parts.push('</ol>', '</section>');
  }
  parts.push('</body>', '</html>');
  return `${parts.join('\n')}\n`;
}
