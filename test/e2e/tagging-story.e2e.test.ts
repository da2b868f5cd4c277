import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../main/api/dispatch';
import { createGlossService } from '../../main/api/gloss-service';
import { type BrowserHost, startBrowserHost } from '../../main/transports/browser-host';
import type { Annotation } from '../../shared/model/annotation';
import type { Stakeholder } from '../../shared/model/stakeholder';
import { targetFor } from '../../shared/text/quote';
import { REPO } from '../support/corpus';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { readHighlights as readHighlightsOf } from '../support/highlights';
import { waitForInspectorOf } from '../support/inspector';
import { boxesOf as boxesOfQuote, dragOver as dragOverQuote, openArticle } from '../support/reader-text';
import { requireRendererBuild } from '../support/renderer-build';

/**
 * The researcher's story of issue "Tag passages by hand", in headless Chromium against the
 * browser host, on a copy of the sample project: tag a stakeholder, a concern and a figure (one
 * of them with the keyboard alone), add a note, undo and redo, mark the document done, reload and
 * find it all again, on screen and in the annotation file on disk.
 */

const ANNOTATOR = 'e2e';
const DOCUMENT = 'tiktok-microsoft.txt';
const SCREENSHOTS = join(REPO, 'test-results', 'screenshots');

let session: GlossSession;
let folder: string;
let host: BrowserHost;
let page: Page;
/** Console errors and warnings, uncaught exceptions and CSP violations: the page must have none. */
let pageProblems: string[] = [];

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  session = await openGlossSession({
    from: join(REPO, 'assets', 'sample-project'),
    annotator: ANNOTATOR,
    context: { viewport: { width: 1440, height: 900 } },
  });
  ({ folder, host, page, problems: pageProblems } = session);
});

afterAll(() => session?.close());

const article = () => page.getByRole('region', { name: 'Article text' });
const palette = () => page.getByRole('dialog', { name: 'Tag selection' });
const sidePanel = () => page.getByRole('complementary', { name: 'Side panel' });

const readHighlights = () => readHighlightsOf(page);
/** Saves reach the disk in milliseconds, but a busy machine may take seconds; the condition is what counts. */
const POLL = { timeout: 10_000 };

function waitForHighlight(name: string, quote: string) {
  return page.waitForFunction(
    ([name, quote]) =>
      [...(CSS.highlights.get(name) ?? [])].some((r) => {
        const live = new Range();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString() === quote;
      }),
    [name, quote] as const,
  );
}

const boxesOf = (quote: string) => boxesOfQuote(page, quote);
const dragOver = (quote: string) => dragOverQuote(page, quote);

/** Where the keyboard caret (the selection's moving end) is, as a UTF-16 offset into the text. */
function caretOffset(): Promise<number> {
  return page.evaluate(() => {
    const selection = window.getSelection();
    const paragraph = selection?.focusNode?.parentElement?.closest<HTMLElement>('[data-start]');
    if (!selection || !paragraph) return -1;
    return Number(paragraph.dataset.start) + selection.focusOffset;
  });
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `tagging-${name}.png`) });
}

describe('tagging passages by hand', () => {
  it('opens the sample article', async () => {
    await page.goto(host.url);
    await openArticle(page, /TikTok/, /TikTok owner ByteDance has made/);
    await page.getByRole('radio', { name: 'To do' }).isChecked();
    await screenshot('1-opened');
  });

  it('tags “ByteDance” as a new company stakeholder, selected with the mouse', async () => {
    await dragOver('ByteDance');
    await palette().waitFor();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('ByteDance');
    await screenshot('2-palette');
    await page.keyboard.press('s');
    const search = palette().getByRole('combobox', { name: 'Stakeholder' });
    expect(await search.inputValue()).toBe('ByteDance');
    await screenshot('3-stakeholder-picker');
    // The register is empty: the only option makes a new stakeholder from the selection.
    await expect
      .poll(() =>
        palette()
          .getByRole('option', { name: 'New stakeholder from selection' })
          .getAttribute('aria-selected'),
      )
      .toBe('true');
    await page.keyboard.press('Enter');
    const form = palette().getByRole('form', { name: 'New stakeholder' });
    expect(await form.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('ByteDance');
    await form.getByRole('radio', { name: 'company' }).check();
    await screenshot('4-new-stakeholder');
    await form.getByRole('button', { name: 'Add stakeholder' }).click();
    await waitForHighlight('gloss-code-stakeholder', 'ByteDance');
    await palette().waitFor({ state: 'detached' });
    await page.getByText('Tagged “ByteDance” as Stakeholder (ByteDance)').waitFor({ state: 'attached' });
    // Focus is back in the text, to go on with the keyboard.
    expect(await article().evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('tags “national security risk” as Security with the keyboard alone', async () => {
    const { offset: target } = await boxesOf('national security risk');
    await article().focus();
    // Word by word to the phrase (where Ctrl+→ stops, at word ends or starts, depends on the system).
    for (let i = 0; i < 400 && (await caretOffset()) < target; i++)
      await page.keyboard.press('Control+ArrowRight');
    while ((await caretOffset()) > target) await page.keyboard.press('ArrowLeft');
    expect(await caretOffset()).toBe(target);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
    await palette().waitFor();
    await expect.poll(() => palette().textContent()).toContain('“national security risk”');
    await screenshot('5-keyboard-selection');
    await page.keyboard.press('1');
    await waitForHighlight('gloss-code-security', 'national security risk');
    await palette().waitFor({ state: 'detached' });
    // The caret waits for the frame with the new highlight, then goes on from the passage's end.
    await expect.poll(() => page.evaluate(() => window.getSelection()?.isCollapsed)).toBe(true);
    expect(await caretOffset()).toBe(target + 'national security risk'.length);
  });

  it('tags “$ 15-30 billion” as a Valuation of 15e9 to 30e9 USD', async () => {
    await dragOver('$ 15-30 billion');
    await palette().waitFor();
    await page.keyboard.press('v');
    const form = palette().getByRole('form', { name: 'Figure value' });
    await form.getByRole('textbox', { name: 'Min' }).fill('15e9');
    await form.getByRole('textbox', { name: 'Max' }).fill('30e9');
    await form.getByRole('combobox', { name: 'Currency' }).fill('USD');
    await screenshot('6-figure-editor');
    await form.getByRole('combobox', { name: 'Currency' }).press('Enter');
    await waitForHighlight('gloss-code-valuation', '$ 15-30 billion');
    await palette().waitFor({ state: 'detached' });
  });

  it('names the codes, stakeholder and value under the pointer, and selects the innermost on click', async () => {
    const { first } = await boxesOf('$ 15-30 billion');
    await page.mouse.move(first.left + 3, (first.top + first.bottom) / 2);
    const card = page.getByRole('tooltip');
    await card.waitFor();
    expect(await card.textContent()).toMatch(/Valuation.*\$15.30B/);
    await screenshot('7-hover');
    const name = await boxesOf('ByteDance');
    await page.mouse.click(name.first.left + 3, (name.first.top + name.first.bottom) / 2);
    await expect.poll(async () => (await readHighlights())['gloss-selected']).toEqual(['ByteDance']);
    // The inspector follows the reader in a render of its own: until it shows ByteDance, a note
    // typed into it would go to the figure selected before.
    await waitForInspectorOf(page, 'ByteDance');
  });

  it('adds a note to the selected annotation in the inspector', async () => {
    const note = sidePanel().getByRole('textbox', { name: 'Note' });
    await note.fill('Parent company of TikTok');
    await note.blur();
    await savedNow();
    expect(await stakeholderNote()).toBe('Parent company of TikTok');
    await screenshot('8-note');
  });

  it('undoes the last change with Ctrl+Z and redoes it with Ctrl+Shift+Z', async () => {
    const note = sidePanel().getByRole('textbox', { name: 'Note' });
    await article().focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => note.inputValue(), POLL).toBe('');
    await savedNow();
    expect(await stakeholderNote()).toBeUndefined();
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => note.inputValue(), POLL).toBe('Parent company of TikTok');
    await savedNow();
    expect(await stakeholderNote()).toBe('Parent company of TikTok');
  });

  it('marks the document done in the reader header', async () => {
    await page.getByRole('radio', { name: 'Done' }).check();
    await expect.poll(() => annotationFile().then((file) => file?.status), POLL).toBe('done');
    await screenshot('9-done');
  });

  it('finds everything again after a reload', async () => {
    await page.reload();
    await openArticle(page, /TikTok/);
    await waitForHighlight('gloss-code-valuation', '$ 15-30 billion');
    const highlights = await readHighlights();
    expect(highlights['gloss-code-stakeholder']).toEqual(['ByteDance']);
    expect(highlights['gloss-code-security']).toEqual(['national security risk']);
    expect(highlights['gloss-code-valuation']).toEqual(['$ 15-30 billion']);
    expect(await page.getByRole('radio', { name: 'Done' }).isChecked()).toBe(true);

    // The mention still names its register entry, and its note is there.
    const name = await boxesOf('ByteDance');
    await page.mouse.move(name.first.left + 3, (name.first.top + name.first.bottom) / 2);
    expect(await page.getByRole('tooltip').textContent()).toContain('ByteDance');
    await page.mouse.click(name.first.left + 3, (name.first.top + name.first.bottom) / 2);
    await waitForInspectorOf(page, 'ByteDance');
    expect(await sidePanel().getByRole('textbox', { name: 'Note' }).inputValue()).toBe(
      'Parent company of TikTok',
    );

    // Going to another annotation (j: next) brings it into view, selected and flashed.
    await article().focus();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(async () => (await readHighlights())['gloss-selected']).toEqual(['$ 15-30 billion']);
    expect((await readHighlights())['gloss-flash']).toEqual(['$ 15-30 billion']);
    const inView = await page.evaluate(() => {
      const rect = (
        [...(CSS.highlights.get('gloss-flash') ?? [])][0] as Range | undefined
      )?.getBoundingClientRect();
      return !!rect && rect.top >= 0 && rect.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    await screenshot('10-scrolled-to');

    await sidePanel().getByRole('tab', { name: 'Register' }).click();
    await sidePanel().getByText('ByteDance').first().waitFor();
    await screenshot('11-register');
  });

  it('saved the annotations, stakeholder, note and status in the files on disk', async () => {
    const file = await annotationFile();
    expect(file?.status).toBe('done');
    const project = JSON.parse(await readFile(join(folder, '.gloss', 'project.json'), 'utf8')) as {
      stakeholders: Stakeholder[];
    };
    const bytedance = project.stakeholders.find((s) => s.name === 'ByteDance');
    expect(bytedance).toMatchObject({ name: 'ByteDance', kind: 'company' });
    const byCode = new Map(file?.annotations.map((a) => [a.code, a]));
    expect(file?.annotations).toHaveLength(3);
    expect(byCode.get('stakeholder')).toMatchObject({
      target: { quote: 'ByteDance' },
      stakeholderId: bytedance?.id,
      note: 'Parent company of TikTok',
      author: ANNOTATOR,
    });
    expect(byCode.get('security')).toMatchObject({ target: { quote: 'national security risk' } });
    expect(byCode.get('valuation')).toMatchObject({
      target: { quote: '$ 15-30 billion' },
      value: { min: 15e9, max: 30e9, currency: 'USD' },
    });
    const text = await readFile(join(folder, DOCUMENT), 'utf8');
    for (const annotation of file?.annotations ?? []) {
      expect(text.slice(annotation.target.start, annotation.target.end)).toBe(annotation.target.quote);
    }
  });

  it('raised no console errors and no content security policy violations', () => {
    expect(pageProblems).toEqual([]);
  });
});

describe('a long article with 10,000 annotations', () => {
  const PARAGRAPHS = 2_000;
  const ANNOTATIONS = 10_000;
  let big: string;
  let bigHost: BrowserHost;

  beforeAll(async () => {
    big = await mkdtemp(join(tmpdir(), 'gloss-big-'));
    const words = ['data', 'privacy', 'security', 'market', 'users', 'platform', 'regulators', 'deal', 'app'];
    const paragraphs = Array.from({ length: PARAGRAPHS }, (_, p) =>
      Array.from({ length: 80 }, (_, w) => words[(p * 7 + w * 3) % words.length]).join(' '),
    );
    const text = `A long article\n\n${paragraphs.join('\n\n')}\n`;
    const now = new Date().toISOString();
    const codes = ['security', 'privacy', 'free-expression'];
    const annotations: Annotation[] = Array.from({ length: ANNOTATIONS }, (_, i) => {
      const start = Math.floor((i / ANNOTATIONS) * (text.length - 100));
      const end = start + 5 + (i % 40);
      return {
        id: `a${i}`,
        code: codes[i % codes.length]!,
        author: ANNOTATOR,
        created: now,
        modified: now,
        target: targetFor(text, start, end),
      };
    });
    await writeFile(join(big, 'long.txt'), text);
    const file = join(big, '.gloss', 'annotations', 'long.txt', `${ANNOTATOR}.json`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(
      file,
      JSON.stringify({
        format: 'gloss-annotations',
        schemaVersion: 1,
        document: 'long.txt',
        annotator: ANNOTATOR,
        fingerprint: '',
        status: 'in-progress',
        note: '',
        annotations,
      }),
    );
    const service = createGlossService({ annotator: ANNOTATOR });
    await service.open(big);
    bigHost = await startBrowserHost({
      service,
      dispatch: createDispatch(service),
      rendererDir: requireRendererBuild(),
    });
  });

  afterAll(async () => {
    await bigHost?.close();
    if (big) await rm(big, { recursive: true, force: true });
  });

  /** How many ranges are registered in all highlights, and how many of them start in paragraph `paragraph`. */
  const registered = (paragraph: number) =>
    page.evaluate((paragraph) => {
      const p = document.querySelectorAll('[aria-label="Article text"] p')[paragraph];
      const ranges = [...CSS.highlights.values()].flatMap((highlight) => [...highlight]);
      return {
        all: ranges.length,
        in: ranges.filter((range) => range.startContainer.parentElement === p).length,
      };
    }, paragraph);

  it('registers the highlights of the paragraphs on screen and near it only, following the scrolling', async () => {
    await page.goto(bigHost.url);
    await page
      .getByRole('navigation', { name: 'Documents' })
      .getByRole('button', { name: /A long article/ })
      .click();
    await page.waitForFunction(() => CSS.highlights.size > 0);
    expect(await article().locator('p').count()).toBe(PARAGRAPHS + 1);
    await expect.poll(async () => (await registered(0)).all).toBeLessThan(ANNOTATIONS / 4);
    expect((await registered(3)).in).toBeGreaterThan(0);
    expect((await registered(1_500)).in).toBe(0);
    await article().locator('p').nth(1_500).scrollIntoViewIfNeeded();
    // The window follows a frame after the scroll: both ends are checked in the same look.
    await expect
      .poll(async () => [(await registered(1_500)).in > 0, (await registered(3)).in])
      .toEqual([true, 0]);
  });

  it('draws a new tag in a few milliseconds, without redrawing the others', async () => {
    // Times from the key press to the new tag's range reaching its highlight; counts every range added.
    await page.evaluate(() => {
      const probe = window as unknown as { keyAt: number; added: { at: number; name: string }[] };
      probe.added = [];
      const add = Highlight.prototype.add;
      Highlight.prototype.add = function (this: Highlight, range: AbstractRange) {
        const at = performance.now();
        probe.added.push({
          at,
          name: [...CSS.highlights].find(([, registered]) => registered === this)?.[0] ?? '?',
        });
        return add.call(this, range);
      };
      const frames: { start: number; duration: number }[] = [];
      (window as unknown as { frames: typeof frames }).frames = frames;
      new PerformanceObserver((list) => {
        for (const { name, startTime: start, duration } of list.getEntries())
          if (name === 'keydown') frames.push({ start, duration });
      }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
      document.addEventListener(
        'keydown',
        () => {
          probe.keyAt = performance.now();
        },
        { capture: true },
      );
    });
    const times: number[] = [];
    const presses: number[] = [];
    // Three tags far into the text; the best of them is the measure (the machine may be busy).
    for (const paragraph of [1_000, 1_500, 1_900]) {
      await page.evaluate((paragraph) => {
        const node = document.querySelectorAll('[aria-label="Article text"] p')[paragraph]?.firstChild;
        if (!node) throw new Error('no such paragraph');
        node.parentElement?.scrollIntoView({ block: 'center' });
        window.getSelection()?.setBaseAndExtent(node, 0, node, 0);
      }, paragraph);
      await article().focus();
      await page.keyboard.press('Control+Shift+ArrowRight');
      await palette().waitFor();
      await page.evaluate(() => {
        (window as unknown as { added: unknown[] }).added = [];
      });
      await page.keyboard.press('2');
      await palette().waitFor({ state: 'detached' });
      const { keyAt, added } = await page.evaluate(() => {
        const probe = window as unknown as { keyAt: number; added: { at: number; name: string }[] };
        return { keyAt: probe.keyAt, added: probe.added };
      });
      // One range for the tag itself, one for the selected-annotation outline: nothing is redrawn.
      expect(added.map((a) => a.name)).toEqual(['gloss-code-privacy', 'gloss-selected']);
      times.push(added[0]!.at - keyAt);
      presses.push(keyAt);
    }
    // For the record: the whole key press, to the next frame, as the Event Timing API measures it.
    await page.waitForTimeout(200);
    const entries = await page.evaluate(
      () => (window as unknown as { frames: { start: number; duration: number }[] }).frames,
    );
    const frames = presses.map(
      // An event's start is its time stamp, a little before the page's listener saw it.
      (at) => entries.find((entry) => entry.start <= at && at - entry.start < 50)?.duration ?? '< 16',
    );
    console.info(
      `${ANNOTATIONS} annotations: key press to highlight ${times.map((t) => t.toFixed(1)).join(', ')} ms;` +
        ` key press to next frame (whole app) ${frames.join(', ')} ms`,
    );
    expect(Math.min(...times)).toBeLessThan(16);
    await screenshot('12-ten-thousand');
  });
});

/**
 * Waits until the header says every change is saved: what a researcher looks at before closing.
 * A save just started shows "Saving…" from the keypress's own frame, so "Saved" means answered.
 */
async function savedNow(): Promise<void> {
  await expect
    .poll(() => page.locator('.save-indicator').getByRole('status').textContent(), POLL)
    .toBe('Saved');
}

/** The ByteDance mention's note as saved on disk. */
async function stakeholderNote(): Promise<string | undefined> {
  const file = await annotationFile();
  return file?.annotations.find((a) => a.code === 'stakeholder')?.note;
}

interface AnnotationFile {
  status: string;
  note: string;
  annotations: Annotation[];
}

async function annotationFile(): Promise<AnnotationFile | undefined> {
  try {
    return JSON.parse(
      await readFile(join(folder, '.gloss', 'annotations', DOCUMENT, `${ANNOTATOR}.json`), 'utf8'),
    ) as AnnotationFile;
  } catch {
    return undefined;
  }
}
