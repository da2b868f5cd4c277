/**
 * The coding query's CSV, Markdown and HTML, written from a real answer of the API on a BBC
 * article and on one whose text has emoji, accents and markup in it, so that code-point offsets,
 * escaping and grouping by document are checked on what Gloss really answers.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codePointOffsets } from '../../../shared/analysis/code-point-offsets';
import { queryHtml, queryMarkdown } from '../../../shared/analysis/query-document';
import { namedQueryPassages, type QueryReport, queryCsv } from '../../../shared/analysis/query-report';
import { type NamedQuery, queryInWords } from '../../../shared/analysis/query-words';
import { annotatorClients } from '../../support/annotator-clients';
import { CORPUS } from '../../support/corpus';
import { makeTempProject, type TempProject } from '../../support/temp-project';

const HOSTILE =
  'Zoë’s café 😀 review\n\nThe café «Chez Zoë» 😀 worries about <script>alert(1)</script> & *privacy* of [guests].\n\n' +
  '1. Security staff say nothing.\n';
const QUERY: NamedQuery = {
  codes: ['Privacy', 'Security'],
  conditions: [{ stakeholder: 'Microsoft', rule: 'paragraph', not: true }],
};
const MADE = '2026-12-07';

let project: TempProject;
let report: QueryReport;
const texts = new Map<string, string>();

beforeAll(async () => {
  const bbc = await readFile(join(CORPUS, 'news-txt/tech/036.txt'), 'utf8');
  project = await makeTempProject({ 'tech/036.txt': bbc, 'cafe.txt': HOSTILE });
  const clients = annotatorClients(project.path);
  const api = await clients.as('zoe');
  const microsoft = await api.addStakeholder({ name: 'Microsoft', kind: 'company' });
  const tag = async (key: string, quote: string, code: string, extra = {}) => {
    const text = texts.get(key) ?? (await api.getDocument({ key })).text;
    texts.set(key, text);
    const start = text.indexOf(quote);
    return api.createAnnotation({ key, code, start, end: start + quote.length, ...extra });
  };
  await tag('tech/036.txt', 'Microsoft is investigating', 'stakeholder', { stakeholderId: microsoft.id });
  await tag('tech/036.txt', 'anti-spyware software', 'privacy');
  await tag('tech/036.txt', 'a security manager', 'security', { note: 'quotes a <manager> & more' });
  await tag('cafe.txt', '<script>alert(1)</script> & *privacy*', 'privacy', { note: 'Zoë: 😀 <b>bold</b>' });
  await tag('cafe.txt', 'Security staff', 'security');
  const { codebook } = await api.getProject({});
  const result = await api.codingQuery({
    codes: ['privacy', 'security'],
    conditions: [{ stakeholderId: microsoft.id, rule: 'paragraph', not: true }],
  });
  report = await namedQueryPassages(result, codebook, codePointOffsets(api));
  await clients.close();
});
afterAll(() => project?.cleanup());

describe('the coding query as CSV', () => {
  it('writes a row per passage, offsets in code points that find the quote in the text', () => {
    const rows: Record<string, string>[] = parse(queryCsv(report), { columns: true });
    expect(rows.map((r) => [r.key, r.code, r.quote])).toEqual([
      ['cafe.txt', 'Privacy', '<script>alert(1)</script> & *privacy*'],
      ['cafe.txt', 'Security', 'Security staff'],
      ['tech/036.txt', 'Security', 'a security manager'],
    ]);
    for (const row of rows) {
      const points = [...texts.get(row.key!)!];
      expect(points.slice(Number(row.start), Number(row.end)).join('')).toBe(row.quote);
    }
    expect(rows[0]!.annotator).toBe('zoe');
    expect(rows[0]!.note).toBe('Zoë: 😀 <b>bold</b>');
  });
});

describe('the coding query as a readable report', () => {
  it('says the query in words', () => {
    expect(queryInWords(QUERY)).toBe(
      'Passages coded Privacy or Security (or a code under one), not in the same paragraph as a mention of Microsoft; every annotator’s work.',
    );
    expect(
      queryInWords({
        codes: ['Privacy'],
        conditions: [{ code: 'Figure', rule: 'overlap' }],
        annotator: 'zoë',
        statuses: ['done', 'in-progress'],
        folder: 'tech/',
        from: '2004-01-01',
      }),
    ).toBe(
      'Passages coded Privacy (or a code under one), overlapping a passage coded Figure; zoë’s work only; in documents marked done or in progress; under tech/; published on or after 2004-01-01.',
    );
  });

  it('prints HTML with every text of the project escaped, passages grouped by document', () => {
    const text = queryHtml(report, QUERY, MADE);
    expect(text).not.toMatch(/<script|<b>|<manager>/);
    const page = new JSDOM(text).window.document;
    expect(page.querySelector('script')).toBeNull();
    expect([...page.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Zoë’s café 😀 review',
      'Microsoft seeking spyware trojan',
    ]);
    expect([...page.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(
      report.passages.map((p) => p.quote),
    );
    const first = page.querySelector('li')!;
    expect(first.textContent).toContain(
      'The café «Chez Zoë» 😀 worries about <script>alert(1)</script> & *privacy* of [guests].',
    );
    expect(first.querySelector('.facts')!.textContent).toBe(
      'Privacy; tagged by zoe; note: Zoë: 😀 <b>bold</b>',
    );
    expect(page.body.textContent).toContain(
      'Made on 2026-12-07 with Gloss. 3 passages in 2 documents (Privacy 1, Security 2).',
    );
  });

  it('prints Markdown whose escapes give back the project’s text, with no markup of its own inside it', () => {
    const text = queryMarkdown(report, QUERY, MADE);
    // CommonMark: a backslash before ASCII punctuation stands for that character.
    const unescaped = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Coding query: Privacy, Security');
    expect(lines).toContain('## Zoë’s café 😀 review');
    expect(lines).toContain('tech/036.txt');
    const item = lines.find((l) => l.startsWith('1. The café'))!;
    expect(item).toContain('\\<script\\>');
    expect(item).not.toMatch(/[^\\][<[]/);
    expect(unescaped(item)).toBe(
      '1. The café «Chez Zoë» 😀 worries about **<script>alert(1)</script> & *privacy*** of [guests].',
    );
    // A sentence starting "1." is not read as a list inside the list.
    expect(lines).toContain('2. **Security staff** say nothing.');
    expect(unescaped(lines[lines.indexOf('## Zoë’s café 😀 review') + 6]!)).toBe(
      '   — Privacy; tagged by zoe; note: Zoë: 😀 <b>bold</b>',
    );
  });

  it('says when nothing was found', () => {
    const empty = queryMarkdown({ passages: [] }, QUERY, MADE);
    expect(empty).toContain('Made on 2026-12-07 with Gloss. 0 passages in 0 documents.');
  });
});
