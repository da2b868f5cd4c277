/**
 * The Agreement view in Chromium over the browser host, on real BBC articles: alice (this page)
 * codes two articles through the API, bob codes them otherwise through his own client (another
 * code here, other bounds there, words only one of them marked), carol codes one passage. Every
 * number of the pairs matrix and of the per-code table is the API's to three decimals; a number
 * lists the disagreements behind it, and a passage there opens its article side by side with it
 * selected; "only documents both marked done" counts the one document both finished; Export CSV
 * is what `gloss agreement --csv` prints; the numbers stay readable in the dark theme.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlossService } from '../../main/api/gloss-service';
import { agreementCsv, namedAgreement } from '../../shared/analysis/agreement-report';
import type { AgreementResult, PairAgreement } from '../../shared/api';
import type { GlossClient } from '../../shared/api-client';
import { type AnnotatorClients, annotatorClients } from '../support/annotator-clients';
import { CORPUS } from '../support/corpus';
import { downloadFrom } from '../support/downloads';
import { gloss } from '../support/gloss-cli';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { readHighlights } from '../support/highlights';

const CAFES = 'tech/cafes.txt';
const GAMES = 'tech/games.txt';

let session: GlossSession;
let page: Page;
let colleagues: AnnotatorClients;
let bob: GlossClient;
let agreement: AgreementResult;

interface Tagger {
  getDocument(request: { key: string }): Promise<{ text: string }>;
  createAnnotation(request: {
    key: string;
    code: string;
    start: number;
    end: number;
  }): Promise<{ id: string }>;
}

/** Tags the `n`th (from 0) occurrence of `words` in `key`, `moved` characters earlier at its start. */
async function tag(client: Tagger, key: string, words: string, code: string, n = 0, moved = 0) {
  const { text } = await client.getDocument({ key });
  let start = -1;
  for (let i = 0; i <= n; i++) start = text.indexOf(words, start + 1);
  if (start < 0) throw new Error(`"${words}" is not in ${key}`);
  return client.createAnnotation({ key, code, start: start - moved, end: start + words.length });
}

async function aliceWork(service: GlossService) {
  await tag(service, CAFES, 'China net cafe culture crackdown', 'privacy');
  await tag(service, CAFES, 'Xinhua News Agency', 'privacy');
  await tag(service, CAFES, 'Chinese government', 'security');
  await tag(service, CAFES, 'young people', 'free-expression');
  await tag(service, GAMES, 'games', 'security');
  await service.setDocumentStatus({ key: CAFES, status: 'done' });
}

async function bobWork(client: GlossClient) {
  await tag(client, CAFES, 'China net cafe culture crackdown', 'privacy');
  await tag(client, CAFES, 'Xinhua News Agency', 'security');
  // "the Chinese government": other bounds.
  await tag(client, CAFES, 'Chinese government', 'security', 0, 4);
  await tag(client, CAFES, 'schools', 'privacy');
  await tag(client, GAMES, 'games', 'security');
  await tag(client, GAMES, 'games', 'privacy', 1);
  await client.setDocumentStatus({ key: CAFES, status: 'done' });
}

beforeAll(async () => {
  const read = (path: string) => readFile(join(CORPUS, 'news-txt', path), 'utf8');
  session = await openGlossSession({
    from: { [CAFES]: await read('tech/002.txt'), [GAMES]: await read('tech/018.txt') },
    annotator: 'alice',
    context: { viewport: { width: 1440, height: 900 }, colorScheme: 'light', acceptDownloads: true },
    prepare: aliceWork,
  });
  page = session.page;
  colleagues = annotatorClients(session.folder);
  bob = await colleagues.as('bob');
  await bobWork(bob);
  const carol = await colleagues.as('carol');
  await tag(carol, CAFES, 'Xinhua News Agency', 'privacy');
  await page.goto(session.host.url);
  // The project is listed: the screens are ready.
  await nav().locator('.document-key', { hasText: GAMES }).waitFor(POLL);
  agreement = await session.service.agreement({});
}, 90_000);

afterAll(async () => {
  await colleagues?.close();
  await session?.close();
});

const POLL = { timeout: 15_000 };
const nav = () => page.getByRole('navigation', { name: 'Documents' });
const panel = () => page.getByRole('complementary', { name: 'Side panel' });
const matrix = () => panel().getByRole('table', { name: /^Each pair over all codes/ });
const codesTable = (a: string, b: string) => panel().getByRole('table', { name: `${a} and ${b} per code` });
const cell = (row: string, column: string) =>
  matrix().locator(`td[data-row="${row}"][data-column="${column}"]`);
const shown = (value: number | null) => (value === null ? '–' : value.toFixed(3));
const disagreementRows = () => panel().locator('.disagreement-list .disagreement-row');

/** A table's body as text, a row of cells (th and td) each; a "–" cell's hidden reason left out. */
function bodyOf(t: Locator): Promise<string[][]> {
  return t.locator('tbody tr').evaluateAll((rows) =>
    rows.map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => {
        const copy = c.cloneNode(true) as Element;
        for (const hidden of copy.querySelectorAll('.visually-hidden, .agreement-documents')) hidden.remove();
        return copy.textContent ?? '';
      }),
    ),
  );
}

function pairOf(a: string, b: string) {
  return agreement.pairs.find((p) => p.a === a && p.b === b)!;
}

describe('the Agreement view', () => {
  it('shows each pair’s measure and documents as the API answers, in the measure chosen', async () => {
    expect(agreement.annotators).toEqual(['alice', 'bob', 'carol']);
    await panel().getByRole('tab', { name: 'Analysis' }).click();
    await panel()
      .getByRole('tablist', { name: 'Analysis views' })
      .getByRole('tab', { name: 'Agreement' })
      .click();
    await matrix().waitFor(POLL);
    const measures: (keyof PairAgreement)[] = ['kappa', 'f1', 'alphaU'];
    for (const measure of measures) {
      if (measure !== 'kappa') {
        await panel().getByRole('combobox', { name: 'Matrix shows' }).selectOption(measure);
      }
      for (const pair of agreement.pairs) {
        for (const [row, column] of [
          [pair.a, pair.b],
          [pair.b, pair.a],
        ] as const) {
          await expect
            .poll(() => cell(row, column).textContent(), POLL)
            .toContain(`${shown(pair.overall[measure])}`);
          expect(await cell(row, column).locator('.agreement-documents').getAttribute('title')).toBe(
            `${pair.documents} document${pair.documents === 1 ? '' : 's'} both worked on`,
          );
        }
      }
    }
    // alice and bob differ on both articles; carol worked on one.
    expect(pairOf('alice', 'bob').documents).toBe(2);
    expect(pairOf('alice', 'carol').documents).toBe(1);
    await panel().getByRole('combobox', { name: 'Matrix shows' }).selectOption('kappa');
  });

  it('shows every measure of alice and bob per code, and all three together', async () => {
    const pair = pairOf('alice', 'bob');
    const names: Record<string, string> = {
      privacy: 'Privacy',
      security: 'Security',
      'free-expression': 'Free expression',
    };
    const rows = await bodyOf(codesTable('alice', 'bob'));
    const measures = ['f1', 'kappa', 'alpha', 'tokenKappa', 'tokenAlpha', 'alphaU'] as const;
    const expected = [
      ...Object.entries(pair.codes).map(([code, m]) => [names[code]!, ...measures.map((x) => shown(m[x]))]),
      ['All codes', ...measures.map((x) => shown(pair.overall[x]))],
    ];
    expect([...rows].sort()).toEqual([...expected].sort());
    expect(rows.at(-1)![0]).toBe('All codes');
    const free = codesTable('alice', 'bob').locator('tr[data-code="free-expression"] td').first();
    expect(pair.codes['free-expression']!.f1).toBe(0);
    expect(await free.textContent()).toContain('0.000');
    const group = await bodyOf(panel().getByRole('table', { name: /^All 3 annotators/ }));
    const groupRow = (name: string, m: AgreementResult['overall']) => [
      name,
      shown(m.fleissKappa),
      shown(m.alpha),
      shown(m.alphaU),
    ];
    expect([...group].sort()).toEqual(
      [
        ...Object.entries(agreement.codes).map(([code, m]) => groupRow(names[code]!, m)),
        groupRow('All codes', agreement.overall),
      ].sort(),
    );
    expect(Object.keys(agreement.codes).length).toBeGreaterThan(0);
    // Another pair's table, chosen by name.
    await panel().getByRole('combobox', { name: 'Per code for' }).selectOption({ label: 'alice and carol' });
    const carol = pairOf('alice', 'carol');
    await expect
      .poll(async () => (await bodyOf(codesTable('alice', 'carol'))).at(-1), POLL)
      .toEqual(['All codes', ...measures.map((x) => shown(carol.overall[x]))]);
    await panel().getByRole('combobox', { name: 'Per code for' }).selectOption({ label: 'alice and bob' });
  });

  it('lists the disagreements behind a number, grouped by document', async () => {
    const api = await session.service.agreementDisagreements({ a: 'alice', b: 'bob' });
    const total = Object.values(api.counts).reduce((n, c) => n + c, 0);
    expect(api.counts).toEqual({ 'different-codes': 1, overlapping: 1, 'only-a': 1, 'only-b': 2 });
    await cell('alice', 'bob').getByRole('button').click();
    await expect.poll(() => disagreementRows().count(), POLL).toBe(total);
    expect(await cell('alice', 'bob').getByRole('button').getAttribute('aria-expanded')).toBe('true');
    expect(await panel().locator('.disagreement-document').allTextContents()).toEqual(
      api.byDocument.map((d) => `${d.title}, ${d.disagreements.length}`),
    );
    const kinds = await disagreementRows().evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-kind')),
    );
    expect(kinds).toEqual(api.byDocument.flatMap((d) => d.disagreements.map((x) => x.kind)));
    expect(await disagreementRows().first().locator('.disagreement-kind').textContent()).toMatch(
      /^(Same passage|Overlapping|Only)/,
    );

    // Per code: the Security κ of the table lists the pairs touching Security.
    const security = await session.service.agreementDisagreements({ a: 'alice', b: 'bob', code: 'security' });
    await codesTable('alice', 'bob')
      .locator('tr[data-code="security"] td')
      .nth(1)
      .getByRole('button')
      .click();
    await expect
      .poll(() => panel().locator('.agreement-disagreements h3').textContent(), POLL)
      .toBe('Where alice and bob differ on Security');
    await expect
      .poll(() => disagreementRows().count(), POLL)
      .toBe(Object.values(security.counts).reduce((n, c) => n + c, 0));
  });

  it('opens the article at a passage of the list, side by side, selected', async () => {
    const api = await session.service.agreementDisagreements({ a: 'alice', b: 'bob', code: 'security' });
    const differing = api.byDocument
      .flatMap((d) => d.disagreements.map((x) => ({ ...x, title: d.title })))
      .find((x) => x.kind === 'different-codes')!;
    await panel().locator(`.disagreement-side[data-annotation-id="${differing.b!.annotationId}"]`).click();
    await expect
      .poll(() => page.getByRole('main').getByRole('heading', { level: 1 }).textContent(), POLL)
      .toBe(differing.title);
    await expect
      .poll(async () => (await readHighlights(page))['gloss-selected'], POLL)
      .toEqual(['Xinhua News Agency']);
    // Side by side, alice's column on the left and bob's on the right.
    expect(
      await page
        .getByRole('main')
        .locator('.comparison-column')
        .evaluateAll((columns) =>
          columns.map((c) => [c.getAttribute('data-side'), c.getAttribute('data-annotator')]),
        ),
    ).toEqual([
      ['left', 'alice'],
      ['right', 'bob'],
    ]);
  });

  it('downloads the CSV gloss agreement --csv prints', async () => {
    const csv = await downloadFrom(page, panel().getByRole('button', { name: 'Export CSV' }));
    expect(csv.file).toBe('agreement.csv');
    const { codebook } = await session.service.getProject({});
    expect(csv.text).toBe(agreementCsv(namedAgreement(agreement, codebook)));
    expect(csv.text).toBe((await gloss(['agreement', session.folder, '--csv'])).stdout);
  }, 90_000);

  it('counts only the documents both marked done when asked', async () => {
    const done = await session.service.agreement({ doneOnly: true });
    const pair = done.pairs.find((p) => p.a === 'alice' && p.b === 'bob')!;
    expect(pair.documents).toBe(1);
    await panel().getByRole('switch', { name: 'Only documents both marked done' }).check();
    await expect
      .poll(() => cell('alice', 'bob').locator('.agreement-documents').getAttribute('title'), POLL)
      .toBe('1 document both marked done');
    expect(await cell('alice', 'bob').textContent()).toContain(shown(pair.overall.kappa));
    // The list shown follows: only the cafes article's disagreements on Security.
    const security = await session.service.agreementDisagreements({
      a: 'alice',
      b: 'bob',
      code: 'security',
      doneOnly: true,
    });
    await expect
      .poll(() => panel().locator('.disagreement-document').allTextContents(), POLL)
      .toEqual(security.byDocument.map((d) => `${d.title}, ${d.disagreements.length}`));
    // Carol marked nothing done: her pairs are over no document, all measures undefined.
    expect(done.pairs.find((p) => p.a === 'alice' && p.b === 'carol')!.documents).toBe(0);
    expect(await cell('carol', 'alice').locator('.agreement-documents').getAttribute('title')).toBe(
      '0 documents both marked done',
    );
    expect(await cell('carol', 'alice').locator('.agreement-undefined').getAttribute('title')).toMatch(
      /^Undefined: nothing to measure/,
    );
    expect(await cell('carol', 'alice').getByRole('button').count()).toBe(0);
    await panel().getByRole('switch', { name: 'Only documents both marked done' }).uncheck();
    await expect
      .poll(() => cell('alice', 'bob').locator('.agreement-documents').getAttribute('title'), POLL)
      .toBe('2 documents both worked on');
  });

  it('keeps the numbers readable in the dark theme, and reaches them from the keyboard', async () => {
    const button = cell('alice', 'bob').getByRole('button');
    const colours = () =>
      button.evaluate((b) => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]);
    const light = await colours();
    await page.getByRole('button', { name: 'Dark' }).click();
    await expect.poll(colours, POLL).not.toEqual(light);
    const [fg, bg] = await colours();
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    expect(luminance(fg!) - luminance(bg!)).toBeGreaterThan(100);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-expanded'), POLL).toBe('true');
    await disagreementRows().first().locator('button').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(
      await page.evaluate(() => document.activeElement?.closest('[data-index]')?.getAttribute('data-index')),
    ).toBe('2');
    expect(session.problems).toEqual([]);
  });
});
