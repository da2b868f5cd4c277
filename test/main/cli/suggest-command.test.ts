import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGlossService } from '../../../main/api/gloss-service';
import { REPO } from '../../support/corpus';
import { gloss } from '../../support/gloss-cli';

/** Every file under a folder with its contents, to prove a command wrote nothing. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out[path] = await readFile(path, 'utf8');
    }
  }
  return out;
}

const EMOJI_KEY = 'emoji.txt';
const EMOJI_TEXT = '😀 Café news: 👩‍👩‍👧 TikTok was valued at $5m, said Mr. Trump.\n';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-cli-suggest-'));
  await cp(join(REPO, 'assets/sample-project'), dir, { recursive: true });
  await writeFile(join(dir, EMOJI_KEY), EMOJI_TEXT);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('gloss suggest', () => {
  it('prints the suggestions the screens offer, as JSON, with UTF-16 and code-point offsets', async () => {
    const { code, stdout, stderr } = await gloss(['suggest', dir, '--doc', EMOJI_KEY, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const [document] = report.documents;
    expect(document.key).toBe(EMOJI_KEY);
    const points = [...EMOJI_TEXT];
    for (const s of document.suggestions) {
      expect(EMOJI_TEXT.slice(s.start, s.end)).toBe(s.quote);
      expect(points.slice(s.startCodePoint, s.endCodePoint).join('')).toBe(s.quote);
    }
    const tiktok = document.suggestions.find((s: { quote: string }) => s.quote === 'TikTok');
    expect(tiktok).toMatchObject({ kind: 'stakeholder', code: 'stakeholder', stakeholder: { id: 'tiktok' } });
    expect(tiktok.startCodePoint).toBeLessThan(tiktok.start);
    const money = document.suggestions.find((s: { kind: string }) => s.kind === 'figure');
    expect(money).toMatchObject({ quote: '$5m', value: { min: 5e6, max: 5e6, currency: 'USD' } });

    // The same as the API lists for that document.
    const service = createGlossService({ annotator: process.env.GLOSS_ANNOTATOR });
    await service.open(dir);
    const listed = await service.listSuggestions({ key: EMOJI_KEY });
    expect(document.suggestions.map((s: { quote: string }) => s.quote)).toEqual(
      listed.suggestions.map((s) => s.quote),
    );
  });

  it('leaves the folder exactly as it was', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'gloss-cli-suggest-ro-'));
    try {
      await cp(join(REPO, 'assets/sample-project'), fresh, { recursive: true });
      const before = await snapshot(fresh);
      const { code, stdout } = await gloss(['suggest', fresh]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/\d+ suggestions in 1 document/);
      expect(stdout).toContain('tiktok-microsoft.txt:');
      expect(await snapshot(fresh)).toEqual(before);
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it('names the document when it does not exist, in one line, exit 1', async () => {
    const { code, stderr } = await gloss(['suggest', dir, '--doc', 'missing.txt', '--json']);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('missing.txt');
  });
});
