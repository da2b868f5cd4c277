/**
 * A REFI-QDA project opened with Gloss (the desktop's .qdpx file association) in Chromium over
 * the browser host: main offers the file, and the page, on load or while open, shows the Import
 * dialog with it chosen and its format set; importing brings its article and annotations in.
 * The .qdpx is a real one, exported by Gloss from another project with accented text.
 */
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGlossService } from '../../main/api/gloss-service';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { makeTempProject, type TempProject } from '../support/temp-project';

const POLL = { timeout: 15_000 };
const TEXT = 'Rapport sur la vie privée\n\nLa CNIL enquête sur les données de Zoë et de Renée.\n';

let session: GlossSession;
let page: Page;
let other: TempProject;
let files: string;
let qdpx: string;

/** A .qdpx exported by Gloss from a project where alice tagged two passages. */
async function exportedProject(): Promise<string> {
  other = await makeTempProject({ 'rapport.txt': TEXT });
  const service = createGlossService({ annotator: 'alice', watchFolder: false });
  await service.open(other.path);
  for (const [quote, code] of [
    ['La CNIL', 'privacy'],
    ['données de Zoë', 'privacy'],
  ] as const) {
    const start = TEXT.indexOf(quote);
    await service.createAnnotation({ key: 'rapport.txt', code, start, end: start + quote.length });
  }
  const result = await service.exportDataset({ format: 'refi-qda', documents: 'all' });
  await service.close();
  files = await mkdtemp(join(tmpdir(), 'gloss-qdpx-'));
  const path = join(files, 'Étude vie privée.qdpx');
  await copyFile(join(other.path, result.folder, result.files.find((f) => f.endsWith('.qdpx'))!), path);
  return path;
}

beforeAll(async () => {
  qdpx = await exportedProject();
  session = await openGlossSession({
    from: { 'seed.txt': 'A first article.\n' },
    annotator: 'bea',
    context: { viewport: { width: 1280, height: 900 } },
  });
  page = session.page;
}, 60_000);

afterAll(async () => {
  await session?.close();
  await other?.cleanup();
  if (files) await rm(files, { recursive: true, force: true });
});

const dialog = () => page.getByRole('dialog', { name: "Import another tool's work" });

describe('a .qdpx opened with Gloss', () => {
  it('is waiting in the Import dialog when the page loads, its format chosen', async () => {
    session.service.offerImport(qdpx);
    await page.goto(session.host.url);
    await dialog().waitFor(POLL);
    expect(await dialog().getByRole('status').first().textContent()).toBe(
      'Opened with Gloss: Étude vie privée.qdpx. Choose where its texts go, then Import.',
    );
    // The formats are listed by main a moment after the dialog opens.
    await expect
      .poll(
        () =>
          dialog()
            .getByRole('combobox', { name: /Format/ })
            .inputValue(),
        POLL,
      )
      .toBe('refi-qda');
  });

  it('imports its article and annotations into the project', async () => {
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => dialog().textContent(), POLL)
      .toContain('Imported 2 annotations and 0 relations: 1 new article');
    await dialog().getByRole('button', { name: 'Close' }).click();
    const nav = page.getByRole('navigation', { name: 'Documents' });
    await nav.getByRole('button', { name: /Rapport sur la vie privée/ }).waitFor(POLL);
    const file = JSON.parse(
      await readFile(
        join(session.folder, '.gloss', 'annotations', 'imported', 'rapport.txt', 'alice.json'),
        'utf8',
      ),
    ) as { annotations: { target: { quote: string } }[] };
    expect(file.annotations.map((a) => a.target.quote).sort()).toEqual(['La CNIL', 'données de Zoë']);
  });

  it('opens the dialog on a page already open, once, and says when the file cannot be read', async () => {
    session.service.offerImport(qdpx);
    await dialog().waitFor(POLL);
    await dialog().getByRole('button', { name: 'Close' }).click();
    await dialog().waitFor({ state: 'detached', ...POLL });
    // Handed over once: a reload does not offer it again.
    await page.reload();
    await page
      .getByRole('navigation', { name: 'Documents' })
      .getByRole('button', { name: /seed/ })
      .waitFor(POLL);
    expect(await dialog().count()).toBe(0);

    const gone = join(files, 'gone.qdpx');
    session.service.offerImport(gone);
    await dialog().waitFor(POLL);
    expect(await dialog().getByRole('alert').first().textContent()).toMatch(
      /^The file opened with Gloss could not be read: gone\.qdpx could not be read/,
    );
  });

  it('shows no console error, exception or CSP violation', () => {
    // The unreadable file's refusal is an answer shown in the dialog, not a page error.
    expect(session.problems.filter((p) => !p.includes('gone.qdpx'))).toEqual([]);
  });
});
