/**
 * An API error reaches the page as an answer, not as a failed HTTP request: when another program
 * deletes or renames an article just as the page asks for it, the browser host answers 200 with
 * a not-found envelope, the page shows the error or follows the rename, and the console stays clean.
 */
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEnvelope } from '../../shared/api-error';
import { type GlossSession, openGlossSession } from '../support/gloss-session';

let session: GlossSession;
let page: Page;
/** Every answer to an API call the page made. */
const answers: Response[] = [];

beforeAll(async () => {
  session = await openGlossSession({
    from: {
      'alpha.txt': 'Alpha report\n\nThe first article.\n',
      'beta.txt': 'Beta report\n\nThe second article.\n',
      'gamma.txt': 'Gamma report\n\nThe third article.\n',
    },
    // An annotated article is followed to its new name (its annotations are recognised by its text).
    prepare: async (service) => {
      const { codebook } = await service.getProject({});
      const code = codebook.codes.find((each) => each.codable)?.id;
      if (!code) throw new Error('the default codebook should have a codable code');
      await service.createAnnotation({ key: 'gamma.txt', code, start: 0, end: 'Gamma'.length });
    },
  });
  page = session.page;
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/') && !response.url().endsWith('/api/events'))
      answers.push(response);
  });
  await page.goto(session.host.url);
  await nav()
    .getByRole('button', { name: /Gamma report/ })
    .waitFor();
});

afterAll(async () => {
  await session?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Documents' });
const heading = () => page.getByRole('main').getByRole('heading', { level: 1 }).textContent();
const POLL = { timeout: 10_000 };

/**
 * Runs `change` on the folder at the moment the page's request for `key` leaves the browser,
 * before the host has read the request: the race a researcher meets when another program
 * moves files while they click. Resolves with the host's answer to that request.
 */
async function changeWhileAsked(key: string, change: () => Promise<void>): Promise<Response> {
  const pattern = '**/api/openDocument';
  let changed = false;
  await page.route(pattern, async (route) => {
    const request = route.request().postDataJSON() as { key?: string };
    if (!changed && request.key === key) {
      changed = true;
      await change();
    }
    await route.continue();
  });
  const answer = page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/openDocument') &&
      (response.request().postDataJSON() as { key?: string }).key === key,
  );
  await nav()
    .getByRole('button', { name: new RegExp(`${key.split('.')[0]} report`, 'i') })
    .click();
  const response = await answer;
  await page.unroute(pattern);
  expect(changed).toBe(true);
  return response;
}

describe('an article that leaves the folder as the page asks for it', () => {
  it('deleted: answered 200 with a not-found envelope, and the reader shows the error', async () => {
    const response = await changeWhileAsked('beta.txt', () => rm(join(session.folder, 'beta.txt')));
    expect(response.status()).toBe(200);
    expect((await response.json()) as ApiEnvelope<unknown>).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no article "beta.txt" in this project' },
    });
    // The client turned the envelope into an ApiError; the reader shows its message.
    await page
      .getByRole('main')
      .getByRole('alert')
      .getByText('There is no article "beta.txt" in this project')
      .waitFor();
    await expect
      .poll(() => nav().locator('.document-key').allTextContents(), POLL)
      .toEqual(['alpha.txt', 'gamma.txt']);
  });

  it('renamed: answered 200 with not-found, then the reader follows the article to its new name', async () => {
    const response = await changeWhileAsked('gamma.txt', () =>
      rename(join(session.folder, 'gamma.txt'), join(session.folder, 'gamma-renamed.txt')),
    );
    expect(response.status()).toBe(200);
    expect(((await response.json()) as ApiEnvelope<unknown>).ok).toBe(false);
    await expect
      .poll(() => nav().locator('.document-key').allTextContents(), POLL)
      .toEqual(['alpha.txt', 'gamma-renamed.txt']);
    await expect.poll(heading, POLL).toBe('Gamma report');
  });

  it('leaves no error or warning on the console, and every answer was an answer, none a failure of Gloss', async () => {
    expect(session.problems).toEqual([]);
    // The page's own calls were seen, the two that met the changed folder among them.
    const operations = new Set(answers.map((response) => new URL(response.url()).pathname));
    for (const operation of ['/api/getProject', '/api/listDocuments', '/api/openDocument']) {
      expect(operations.has(operation), operation).toBe(true);
    }
    for (const response of answers) {
      expect(response.status(), response.url()).toBe(200);
      const envelope = (await response.json()) as ApiEnvelope<unknown>;
      if (!envelope.ok) expect(envelope.error.code, envelope.error.message).toBe('not-found');
    }
  });
});
