import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGlossService } from '../../../main/api/gloss-service';
import { REPO } from '../../support/corpus';
import { gloss } from '../../support/gloss-cli';

/**
 * `gloss suggest` and the project's suggestion rules: never-suggest names are left out as in the
 * screens; the rule that tags register mentions never writes from the command line (it opens the
 * project only to read it), so they are printed as suggestions still to review.
 */

const KEY = 'tiktok-microsoft.txt';
const WSJ = 'The Wall Street Journal';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-cli-rules-'));
  await cp(join(REPO, 'assets/sample-project'), dir, { recursive: true });
  const service = createGlossService({ annotator: 'alice' });
  await service.open(dir);
  await service.addNeverSuggest({ name: WSJ });
  await service.updateSettings({ acceptRegisterMentions: true });
  await service.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function files(folder: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      out[join(entry.parentPath, entry.name)] = await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

describe('gloss suggest with suggestion rules', () => {
  it('leaves never-suggest names out, and tags nothing', async () => {
    const before = await files(dir);
    const { code, stdout, stderr } = await gloss(['suggest', dir, '--doc', KEY, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [document] = JSON.parse(stdout).documents;
    const quotes = document.suggestions.map((s: { quote: string }) => s.quote);
    expect(quotes).not.toContain(WSJ);
    expect(quotes).toContain('Microsoft');
    expect(
      document.suggestions.filter((s: { kind: string }) => s.kind === 'stakeholder').length,
    ).toBeGreaterThan(5);
    expect(await files(dir)).toEqual(before);
  });
});
