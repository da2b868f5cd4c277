import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeTextUnits, encodeTextUnits } from '../../../main/analysis/text-units-file';
import { createGlossService } from '../../../main/api/gloss-service';
import { fingerprintOf } from '../../../main/project/document-reader';
import { textUnits } from '../../../shared/analysis/near';
import { CORPUS } from '../../support/corpus';
import { makeTempProject, type TempProject } from '../../support/temp-project';

/**
 * The articles' sentences and paragraphs kept in .gloss/cache/text-units.bin: the matrix by
 * sentence answers from them after a restart, follows an article that changed, and is right
 * whatever state the file is in; a read-only project writes nothing.
 */
const KEY = 'tech/article.txt';
let project: TempProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

async function bbcText(): Promise<string> {
  return (await readFile(join(CORPUS, 'news-txt', 'tech', '001.txt'), 'utf8')).replace(/\r\n?/g, '\n');
}

/** A project of one article, with a stakeholder mention and a concern in its second sentence. */
async function taggedProject(text: string): Promise<{ dir: string; file: string }> {
  project = await makeTempProject({ [KEY]: text });
  const service = createGlossService({ annotator: 'alice', watchFolder: false });
  await service.open(project.path);
  const { id } = await service.addStakeholder({ name: 'Someone', kind: 'company' });
  const [first, second] = sentencesOf(text);
  await service.createAnnotation({
    key: KEY,
    code: 'stakeholder',
    start: first!.start,
    end: first!.start + 4,
    stakeholderId: id,
  });
  await service.createAnnotation({ key: KEY, code: 'privacy', start: second!.start, end: second!.start + 4 });
  await service.close();
  return { dir: project.path, file: join(project.path, '.gloss/cache/text-units.bin') };
}

/** Two sentences in a row of one paragraph. */
function sentencesOf(text: string): { start: number; end: number }[] {
  const { sentences } = textUnits(text);
  const all = Array.from({ length: sentences.length / 2 }, (_, i) => ({
    start: sentences[2 * i]!,
    end: sentences[2 * i + 1]!,
  }));
  const i = all.findIndex(
    (s, i) => i + 1 < all.length && !text.slice(s.end, all[i + 1]!.start).includes('\n'),
  );
  return all.slice(i, i + 2);
}

/** The matrix's cells by the rule, from a service that opens the folder afresh, closed afterwards. */
async function countsBy(dir: string, by: 'sentence' | 'paragraph', options: { readOnly?: boolean } = {}) {
  const service = createGlossService({ annotator: 'alice', watchFolder: false, ...options });
  await service.open(dir);
  try {
    return (await service.cooccurrenceMatrix({ by })).cells.map((c) => c.count);
  } finally {
    await service.close();
  }
}

describe('the text units file', () => {
  it('reads back what it wrote, and nothing from a file cut short, altered, or of another kind', async () => {
    const text = await bbcText();
    const units = new Map([[fingerprintOf(text), textUnits(text)]]);
    const bytes = encodeTextUnits(units);
    expect(decodeTextUnits(bytes)).toEqual(units);
    expect(decodeTextUnits(bytes.subarray(0, bytes.length - 1))).toBeUndefined();
    const altered = bytes.slice();
    altered[altered.length - 3]! ^= 1;
    expect(decodeTextUnits(altered)).toBeUndefined();
    expect(decodeTextUnits(new TextEncoder().encode('GLSI\u0001 not units'))).toBeUndefined();
    expect(decodeTextUnits(new Uint8Array())).toBeUndefined();
  });
});

describe('the analyses’ sentences and paragraphs, kept on disk', () => {
  it('are written after the first matrix by sentence, and answer the same after a restart', async () => {
    const { dir, file } = await taggedProject(await bbcText());
    // The mention ends in the first sentence and the concern starts the second: near by paragraph only.
    expect(await countsBy(dir, 'sentence')).toEqual([]);
    expect(await countsBy(dir, 'paragraph')).toEqual([1]);
    const written = decodeTextUnits(await readFile(file));
    expect([...written!.values()]).toEqual([textUnits(await bbcText())]);
    expect(await countsBy(dir, 'paragraph')).toEqual([1]);
  });

  it('follow an article that changed: its new text is split again', async () => {
    const text = await bbcText();
    const { dir, file } = await taggedProject(text);
    expect(await countsBy(dir, 'paragraph')).toEqual([1]);
    // A paragraph break just before the second sentence, one character kept the same length.
    const [, second] = sentencesOf(text);
    const changed = `${text.slice(0, second!.start - 1)}\n\n${text.slice(second!.start)}`;
    await writeFile(join(dir, KEY), changed);
    expect(await countsBy(dir, 'paragraph')).toEqual([]);
    const written = decodeTextUnits(await readFile(file))!;
    expect(written.get(fingerprintOf(changed))).toEqual(textUnits(changed));
    // The units of a text no longer in the project are not kept.
    expect(written.has(fingerprintOf(text))).toBe(false);
  });

  it('are split again when the file is missing or damaged, and the file written whole again', async () => {
    const { dir, file } = await taggedProject(await bbcText());
    expect(await countsBy(dir, 'paragraph')).toEqual([1]);
    const whole = await readFile(file);
    await writeFile(file, whole.subarray(0, whole.length - 5));
    expect(await countsBy(dir, 'paragraph')).toEqual([1]);
    expect(decodeTextUnits(await readFile(file))).toBeDefined();
    await writeFile(file, 'GLTU\u0001 something else');
    expect(await countsBy(dir, 'paragraph')).toEqual([1]);
    expect(decodeTextUnits(await readFile(file))).toBeDefined();
    await rm(file);
    expect(await countsBy(dir, 'paragraph')).toEqual([1]);
    expect(decodeTextUnits(await readFile(file))).toBeDefined();
  });

  it('are never written into a project open read-only', async () => {
    const { dir, file } = await taggedProject(await bbcText());
    expect(await countsBy(dir, 'paragraph', { readOnly: true })).toEqual([1]);
    await expect(stat(file)).rejects.toThrow();
  });
});
