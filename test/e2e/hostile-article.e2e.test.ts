import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GlossSession, openGlossSession } from '../support/gloss-session';

/**
 * Articles written to attack the reader: script tags, event handlers and javascript: links, in
 * an HTML page and as literal text in a .txt. In Chromium nothing of them runs or is drawn as
 * markup, the text shows as text, and the page asks nothing of any origin but Gloss's own.
 */

const TXT_ATTACK = '<script>window.pwned = "txt"</script><img src=x onerror="window.pwned = \'img\'">';
const HTML = `<!doctype html><html><head><title>Hostile page</title>
<script>window.pwned = 'html-head'</script></head>
<body><article><h1>Hostile page</h1>
<p>First paragraph <img src="https://tracker.example/pixel.png" onerror="window.pwned = 'onerror'"> with a
<a href="javascript:window.pwned='link'">link</a> and an <iframe src="https://evil.example/"></iframe> inside.</p>
<p>Second paragraph with text that is long enough for Readability to keep it as the article body of the page.</p>
<script>window.pwned = 'html-body'</script>
</article></body></html>`;

let session: GlossSession;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  session = await openGlossSession({
    from: {
      'attack.txt': `Literal markup\n\n${TXT_ATTACK}\n`,
      'hostile.html': HTML,
    },
  });
  page = session.page;
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(session.host.url);
});

afterAll(() => session?.close());

const article = () => page.getByRole('region', { name: 'Article text' });

async function open(name: RegExp) {
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name }).first().click();
  await article().waitFor();
}

describe('hostile articles', () => {
  it('shows markup in a text file as text, and runs none of it', async () => {
    await open(/Literal markup/);
    await expect.poll(() => article().textContent()).toContain(TXT_ATTACK);
    expect(await article().locator('script, img, iframe').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
  });

  it('reads an HTML page for its text only: no script, handler, link or frame comes through', async () => {
    await open(/Hostile page/);
    await expect.poll(() => article().textContent()).toContain('Second paragraph');
    expect(await article().locator('script, img, iframe, a').count()).toBe(0);
    expect(await article().textContent()).not.toContain('window.pwned');
    expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
  });

  it('asks nothing of any origin but its own, and shows no error or CSP violation', async () => {
    const origin = new URL(session.host.url).origin;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
