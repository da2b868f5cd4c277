/**
 * The stakeholder × concern matrix in Chromium over the browser host, on real BBC articles: the
 * stakeholders' names found by a regular expression and tagged as mentions, the sentences that
 * speak of security or privacy tagged as concerns, all through the API. Every number of the
 * table is checked against a count made here pair by pair; a number opens to its passages, a
 * passage to its article with the annotation selected and in view; Export CSV downloads it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlossService } from '../../main/api/gloss-service';
import { splitParagraphs } from '../../shared/text/paragraphs';
import { splitSentences } from '../../shared/text/sentences';
import { CORPUS } from '../support/corpus';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { readHighlights } from '../support/highlights';
import { openArticle } from '../support/reader-text';

const ARTICLES = ['tech/036.txt', 'tech/138.txt', 'tech/177.txt', 'tech/369.txt'];
const NAMES = ['Microsoft', 'Mozilla', 'Google', 'Symantec'];
/** Sentences that speak of each concern, by the default codebook's concern codes. */
const CONCERNS: Record<string, RegExp> = {
  security: /\bsecurity\b/i,
  privacy: /\b(privacy|spyware)\b/i,
  'free-expression': /\b(censor\w*|free speech)\b/i,
};
const CODE_NAMES: Record<string, string> = {
  security: 'Security',
  privacy: 'Privacy',
  'free-expression': 'Free expression',
};

interface Span {
  start: number;
  end: number;
}
interface Tagged extends Span {
  id: string;
  key: string;
  code: string;
  quote: string;
  stakeholder?: string;
}

let session: GlossSession;
let page: Page;
let pageProblems: string[] = [];
const texts = new Map<string, string>();
const titles = new Map<string, string>();
const tagged: Tagged[] = [];

/** Tags every name of the register where it stands, and every sentence that speaks of a concern. */
async function tagArticles(service: GlossService) {
  const ids = new Map<string, string>();
  for (const name of NAMES) ids.set(name, (await service.addStakeholder({ name, kind: 'company' })).id);
  for (const key of ARTICLES) {
    const { text, title } = await service.getDocument({ key });
    texts.set(key, text);
    titles.set(key, title);
    const tag = async (span: Span, code: string, stakeholder?: string) => {
      const stakeholderId = stakeholder ? ids.get(stakeholder) : undefined;
      const { id } = await service.createAnnotation({ key, code, ...span, stakeholderId });
      tagged.push({ id, key, code, ...span, quote: text.slice(span.start, span.end), stakeholder });
    };
    for (const m of text.matchAll(new RegExp(`\\b(${NAMES.join('|')})\\b`, 'g'))) {
      await tag({ start: m.index, end: m.index + m[0].length }, 'stakeholder', m[0]);
    }
    for (const sentence of splitParagraphs(text).flatMap(splitSentences)) {
      for (const [code, pattern] of Object.entries(CONCERNS)) {
        if (pattern.test(text.slice(sentence.start, sentence.end))) await tag(sentence, code);
      }
    }
  }
}

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const key of ARTICLES) files[key] = await readFile(join(CORPUS, 'news-txt', key), 'utf8');
  session = await openGlossSession({
    from: files,
    context: { viewport: { width: 1440, height: 900 }, acceptDownloads: true },
    prepare: tagArticles,
  });
  ({ page, problems: pageProblems } = session);
  await page.goto(session.host.url);
}, 60_000);

afterAll(() => session?.close());

const POLL = { timeout: 10_000 };
const panel = () => page.getByRole('complementary', { name: 'Side panel' });
const table = () => panel().getByRole('table', { name: 'Concern passages near each stakeholder' });

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * The matrix the simple way: every concern passage against every mention, through every
 * paragraph (or by sharing a character), each passage once per stakeholder. "Name Code" → count.
 */
function countPairs(rule: 'overlap' | 'paragraph'): Map<string, number> {
  const cells = new Map<string, number>();
  for (const concern of tagged.filter((t) => !t.stakeholder)) {
    const paragraphs = splitParagraphs(texts.get(concern.key)!);
    const near = new Set<string>();
    for (const mention of tagged.filter((t) => t.stakeholder && t.key === concern.key)) {
      const together =
        rule === 'overlap'
          ? overlaps(mention, concern)
          : paragraphs.some((p) => overlaps(p, mention) && overlaps(p, concern));
      if (together) near.add(mention.stakeholder!);
    }
    for (const name of near) {
      const cell = `${name} ${CODE_NAMES[concern.code]}`;
      cells.set(cell, (cells.get(cell) ?? 0) + 1);
    }
  }
  return cells;
}

/** The table as the page shows it: "Name Code" → the number in that cell, zeros left out. */
async function readMatrix(): Promise<Map<string, number>> {
  const rows = await table()
    .locator('tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
    );
  const [header, ...body] = rows;
  const cells = new Map<string, number>();
  for (const [name, ...counts] of body) {
    counts.forEach((count, i) => {
      if (count !== '0') cells.set(`${name} ${header![i + 1]}`, Number(count));
    });
  }
  return cells;
}

const sorted = (cells: Map<string, number>) => [...cells].sort(([a], [b]) => a.localeCompare(b));

describe('the stakeholder × concern matrix in Chromium', () => {
  it('counts each cell by paragraph as the pairs counted here do', async () => {
    await openArticle(page, new RegExp(titles.get('tech/036.txt')!));
    await panel().getByRole('tab', { name: 'Analysis' }).click();
    await table().waitFor(POLL);
    const expected = countPairs('paragraph');
    expect(expected.get('Microsoft Security')).toBeGreaterThan(3);
    await expect.poll(async () => sorted(await readMatrix()), POLL).toEqual(sorted(expected));
    const count = expected.get('Microsoft Security')!;
    const cell = table().getByRole('button', { name: `Microsoft and Security: ${count} passages` });
    expect(await cell.textContent()).toBe(String(count));
  });

  it('lists a cell’s passages and opens one in its article, selected and in view', async () => {
    const cell = table().getByRole('button', { name: /^Microsoft and Security: / });
    await cell.click();
    const rows = panel().getByRole('list', { name: 'Microsoft and Security passages' }).getByRole('button');
    await expect.poll(() => rows.count()).toBe(countPairs('paragraph').get('Microsoft Security'));
    // The last passage of another article than the one open, far down its text.
    const ids = await rows.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-annotation-id')));
    const passage = tagged.filter((t) => ids.includes(t.id) && t.key !== 'tech/036.txt').at(-1)!;
    const row = rows.and(page.locator(`[data-annotation-id="${passage.id}"]`));
    expect(await row.locator('.passage-title').textContent()).toBe(titles.get(passage.key));
    await row.click();

    await expect
      .poll(() => page.getByRole('main').getByRole('heading', { level: 1 }).textContent(), POLL)
      .toBe(titles.get(passage.key));
    await expect
      .poll(async () => (await readHighlights(page))['gloss-selected'], POLL)
      .toEqual([passage.quote]);
    await expect.poll(() => row.getAttribute('aria-current'), POLL).toBe('true');
    // Scrolled to: the passage's first line lies inside the box that scrolls the article, and the window.
    const inView = () =>
      page.evaluate(() => {
        const range = [...(CSS.highlights.get('gloss-selected') ?? [])][0] as StaticRange | undefined;
        if (!range) return false;
        const live = new Range();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        const box = live.getClientRects()[0];
        let scroller = range.startContainer.parentElement;
        while (scroller && !/auto|scroll/.test(getComputedStyle(scroller).overflowY)) {
          scroller = scroller.parentElement;
        }
        const view = scroller?.getBoundingClientRect();
        if (!box || !view) return false;
        return box.top >= Math.max(view.top, 0) && box.bottom <= Math.min(view.bottom, innerHeight);
      });
    await expect.poll(inView, POLL).toBe(true);
  });

  it('downloads the cells as CSV, the same numbers by name', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel().getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('stakeholders-concerns-by-paragraph.csv');
    const rows: { stakeholder: string; code: string; count: string }[] = parse(
      await readFile((await download.path())!, 'utf8'),
      { columns: true },
    );
    const downloaded = new Map(rows.map((r) => [`${r.stakeholder} ${r.code}`, Number(r.count)]));
    expect(sorted(downloaded)).toEqual(sorted(countPairs('paragraph')));
  });

  it('counts again by overlap when that rule is chosen', async () => {
    await panel()
      .getByRole('combobox', { name: 'Count concerns near a stakeholder by' })
      .selectOption({ label: 'overlapping passages' });
    await panel()
      .getByText(/^Concern passages that overlap a mention of the stakeholder,/)
      .waitFor(POLL);
    const expected = countPairs('overlap');
    expect(expected.size).toBeGreaterThan(0);
    await expect.poll(async () => sorted(await readMatrix()), POLL).toEqual(sorted(expected));
    expect(pageProblems).toEqual([]);
  });
});
