import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/model/annotation';
import { REPO } from '../support/corpus';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { readHighlights } from '../support/highlights';
import { dragOver, openArticle } from '../support/reader-text';

/**
 * An article edited outside Gloss after it was tagged, in headless Chromium against the browser
 * host: the annotation on a reworded passage is listed as an orphan with its old quote, the
 * researcher selects the new wording and re-attaches it there, undoes that, and deletes it; the
 * annotation on an untouched passage stays highlighted at its new place throughout.
 */

/** A busy machine may take seconds where a quiet one takes milliseconds; each poll waits for its condition. */
const POLL = { timeout: 10_000 };
const ANNOTATOR = 'e2e';
const DOCUMENT = 'tiktok-microsoft.txt';
const KEPT = 'some U.S. politicians';
const REWORDED = 'national security risk';
const NEW_WORDING = 'threat to national security';
const SCREENSHOTS = join(REPO, 'test-results', 'screenshots');

let session: GlossSession;
let page: Page;
let pageProblems: string[] = [];
let ids: { kept: string; reworded: string };

beforeAll(async () => {
  session = await openGlossSession({
    from: join(REPO, 'assets', 'sample-project'),
    annotator: ANNOTATOR,
    context: { viewport: { width: 1440, height: 900 } },
    prepare: async (service) => {
      const { text } = await service.getDocument({ key: DOCUMENT });
      const tag = async (quote: string, code: string) => {
        const start = text.indexOf(quote);
        return (await service.createAnnotation({ key: DOCUMENT, code, start, end: start + quote.length })).id;
      };
      ids = { kept: await tag(KEPT, 'stakeholder'), reworded: await tag(REWORDED, 'security') };
      // An editor rewrites the sentence and adds a line before it, outside Gloss.
      const path = join(service.project!.root, DOCUMENT);
      const edited = text
        .replace('poses a national security risk as', 'is a threat to national security, since')
        .replace('However, some U.S.', 'Updated 3 August.\n\nHowever, some U.S.');
      await writeFile(path, edited);
    },
  });
  ({ page, problems: pageProblems } = session);
  await page.goto(session.host.url);
});

afterAll(() => session?.close());

const sidePanel = () => page.getByRole('complementary', { name: 'Side panel' });
const orphans = () => sidePanel().getByRole('region', { name: /not found in the changed article/ });

async function annotationFile(): Promise<{ annotations: Annotation[]; orphans: Annotation[] }> {
  return JSON.parse(
    await readFile(join(session.folder, '.gloss', 'annotations', DOCUMENT, `${ANNOTATOR}.json`), 'utf8'),
  );
}

describe('an article changed outside Gloss', () => {
  it('lists the annotation it could not place, with its quote, and keeps the other on its passage', async () => {
    await openArticle(page, /TikTok/, /Updated 3 August/);
    await expect
      .poll(async () => (await readHighlights(page))['gloss-code-stakeholder'], POLL)
      .toEqual([KEPT]);
    await expect(
      sidePanel().getByRole('tab', { name: 'Annotations 1 not found in the changed article' }).isVisible(),
    ).resolves.toBe(true);
    await sidePanel()
      .getByRole('tab', { name: /Annotations/ })
      .click();
    await expect(orphans().getByText(REWORDED).isVisible()).resolves.toBe(true);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'orphans-listed.png') });
    expect((await annotationFile()).orphans.map((o) => o.id)).toEqual([ids.reworded]);
    // The list counts what is placed, as the tab does, not what the file held before opening.
    const entry = page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: /TikTok/ });
    await expect.poll(() => entry.textContent(), POLL).toContain('1 annotation');
  });

  it('re-attaches it to the passage selected in the text, undoably', async () => {
    const reattach = orphans().getByRole('button', { name: 'Re-attach here' });
    expect(await reattach.isDisabled()).toBe(true);
    await dragOver(page, NEW_WORDING);
    await expect.poll(() => reattach.isEnabled(), POLL).toBe(true);
    await reattach.click();
    await expect.poll(() => orphans().count(), POLL).toBe(0);
    await expect
      .poll(async () => (await readHighlights(page))['gloss-code-security'], POLL)
      .toEqual([NEW_WORDING]);
    await expect
      .poll(async () => (await annotationFile()).annotations.map((a) => [a.id, a.target.quote]), POLL)
      .toEqual([
        [ids.kept, KEPT],
        [ids.reworded, NEW_WORDING],
      ]);

    await page.keyboard.press('Control+z');
    await expect.poll(() => orphans().getByText(REWORDED).count(), POLL).toBe(1);
    await expect
      .poll(async () => (await annotationFile()).orphans.map((o) => o.id), POLL)
      .toEqual([ids.reworded]);
    expect((await readHighlights(page))['gloss-code-security'] ?? []).toEqual([]);
  });

  it('deletes it when the researcher says so, and nothing else', async () => {
    await orphans().getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => orphans().count(), POLL).toBe(0);
    await expect.poll(async () => (await annotationFile()).orphans, POLL).toEqual([]);
    expect((await annotationFile()).annotations.map((a) => a.id)).toEqual([ids.kept]);
    expect(pageProblems).toEqual([]);
  });
});
