import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService } from '../../../main/api/gloss-service';
import { inProcessTransport } from '../../../main/transports/in-process';
import { createApiClient } from '../../../shared/api-client';
import {
  applyAnnotationChanges,
  clearedByRecoding,
  codeUseProblem,
  newAnnotation,
} from '../../../shared/model/annotation-rules';
import type { Codebook } from '../../../shared/model/codebook';
import { makeTempProject, type TempProject } from '../../support/temp-project';

// Accents and an emoji before the passage: offsets are UTF-16 code units, the emoji counts two.
const TEXT = 'Café 🎉 ByteDance was valued at $ 15-30 billion by the régulateurs.';
const at = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });

const book: Codebook = {
  codes: [
    { id: 'figures', name: 'Figures', parentId: null, role: 'figure', codable: false },
    { id: 'valuation', name: 'Valuation', parentId: 'figures', codable: true },
    { id: 'people', name: 'Stakeholders', parentId: null, role: 'stakeholder', codable: false },
    { id: 'company', name: 'Company', parentId: 'people', codable: true },
    { id: 'privacy', name: 'Privacy', parentId: null, codable: true },
  ],
} as unknown as Codebook;
const register = [{ id: 'bytedance', name: 'ByteDance', kind: 'company', aliases: [] }] as never[];

describe('the rules of an annotation', () => {
  it('makes a new annotation quoting its passage by UTF-16 offsets, with only the fields given', () => {
    const made = newAnnotation(
      TEXT,
      { id: 'a1', code: 'privacy', ...at('ByteDance') },
      'alice',
      '2026-01-01T00:00:00.000Z',
    );
    expect(made).toEqual({
      id: 'a1',
      code: 'privacy',
      author: 'alice',
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
      target: {
        ...at('ByteDance'),
        quote: 'ByteDance',
        prefix: expect.stringContaining('🎉'),
        suffix: expect.any(String),
      },
    });
    expect(() =>
      newAnnotation(TEXT, { id: 'a2', code: 'privacy', start: 5, end: TEXT.length + 1 }, 'alice', ''),
    ).toThrow();
  });

  it('applies changes: null or an empty note removes a field, a move quotes again, a value gets its qualifier', () => {
    const before = newAnnotation(
      TEXT,
      { id: 'a1', code: 'valuation', ...at('$ 15-30 billion'), note: 'n' },
      'alice',
      't0',
    );
    const after = applyAnnotationChanges(
      before,
      { note: '', value: { min: 15e9, max: 30e9, currency: 'USD' }, ...at('15-30 billion') },
      TEXT,
      't1',
    );
    expect(after.note).toBeUndefined();
    expect(after.value).toEqual({ min: 15e9, max: 30e9, currency: 'USD', qualifier: 'exactly' });
    expect(after.target.quote).toBe('15-30 billion');
    expect(after.modified).toBe('t1');
    expect(after.created).toBe('t0');
    // Without the text a move cannot be quoted: the passage stays.
    expect(applyAnnotationChanges(before, at('15-30 billion'), undefined, 't1').target).toEqual(
      before.target,
    );
  });

  it('clears a value or a stakeholder that the new code does not take', () => {
    expect(clearedByRecoding(book, { value: { min: 1, max: 1, qualifier: 'exactly' } }, 'privacy')).toEqual({
      value: null,
    });
    expect(clearedByRecoding(book, { stakeholderId: 'bytedance' }, 'valuation')).toEqual({
      stakeholderId: null,
    });
    expect(clearedByRecoding(book, { stakeholderId: 'bytedance' }, 'company')).toEqual({});
  });

  it('says why a code may not be used so', () => {
    expect(codeUseProblem(book, register, 'figures', {})?.message).toMatch(/group of codes/);
    expect(codeUseProblem(book, register, 'privacy', { value: { min: 1 } })?.message).toMatch(
      /not a figure code/,
    );
    expect(codeUseProblem(book, register, 'privacy', { stakeholderId: 'bytedance' })?.message).toMatch(
      /not a stakeholder code/,
    );
    expect(codeUseProblem(book, register, 'company', { stakeholderId: 'nobody' })).toMatchObject({
      kind: 'not-found',
    });
    expect(codeUseProblem(book, register, 'nope', {})).toMatchObject({ kind: 'not-found' });
    expect(codeUseProblem(book, register, 'company', { stakeholderId: 'bytedance' })).toBeUndefined();
  });
});

describe('what the screen shows before a save answers is what the project saves', () => {
  let folder: TempProject | undefined;
  let stop = () => {};
  afterEach(async () => {
    stop();
    await folder?.cleanup();
  });

  it('for a new tag and for every kind of change', async () => {
    folder = await makeTempProject({ 'a.txt': TEXT });
    const service = createGlossService({ annotator: 'alice' });
    await service.open(folder.path);
    const client = createApiClient(inProcessTransport(createDispatch(service)));
    // Stopped before the folder is removed (afterEach), or its watcher reports the folder gone.
    stop = () => service.close();
    const fields = {
      id: 'a1',
      code: 'valuation',
      ...at('$ 15-30 billion'),
      value: { min: 15e9, max: 30e9, currency: 'USD' },
    };
    const shown = newAnnotation(TEXT, fields, 'alice', 'now');
    const saved = await client.createAnnotation({ key: 'a.txt', ...fields });
    expect({ ...saved, created: 'now', modified: 'now' }).toEqual(shown);

    const changes = [
      { note: 'a note' },
      { ...at('15-30 billion') },
      { code: 'security', ...clearedByRecoding(defaultBook(await client.getProject({})), saved, 'security') },
      { note: null },
    ];
    let current = saved;
    for (const change of changes) {
      const expected = applyAnnotationChanges(current, change, TEXT, 'now');
      current = await client.updateAnnotation({ key: 'a.txt', id: 'a1', changes: change });
      expect({ ...current, modified: 'now' }).toEqual(expected);
    }
    expect(current.value).toBeUndefined();
  });
});

function defaultBook(info: { codebook: Codebook }): Codebook {
  return info.codebook;
}
