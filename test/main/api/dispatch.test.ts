import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService } from '../../../main/api/gloss-service';
import { type GlossHandlers, requests } from '../../../shared/api';
import { OPERATION_NAMES } from '../../../shared/operations';

describe('the API boundary', () => {
  const service = createGlossService({ annotator: 'alice' });
  const dispatch = createDispatch(service, () => {});

  it('refuses unknown operations and malformed requests before any service code runs', async () => {
    expect(await dispatch('deleteEverything', {})).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'Unknown operation "deleteEverything"' },
    });
    expect(await dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const extra = await dispatch('getDocument', { key: 'a.txt', sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const absolute = await dispatch('getDocument', { key: '/etc/passwd' });
    expect(absolute).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const hugeNote = await dispatch('setDocumentNote', { key: 'a.txt', note: 'x'.repeat(100_001) });
    expect(hugeNote).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await dispatch('listDocuments', null)).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });

  it('says so when no project is open', async () => {
    expect(await dispatch('listDocuments', {})).toMatchObject({ ok: false, error: { code: 'no-project' } });
  });

  it('does not let the screens open arbitrary folders unless the transport allows it', async () => {
    expect(await dispatch('openProject', { path: '/' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses, in every operation that names a document, a key that would leave the project', async () => {
    const called: string[] = [];
    // Handlers that only note being reached: the boundary must refuse before any of them runs.
    const handlers = new Proxy({} as GlossHandlers, {
      get: (_, name) => async () => called.push(String(name)),
    });
    const guarded = createDispatch(handlers, () => {});
    const withKeys = OPERATION_NAMES.filter((name) => 'key' in (requests[name] as { shape?: object }).shape!);
    expect(withKeys.length).toBeGreaterThan(15);
    for (const operation of withKeys) {
      for (const key of [
        '../secret.txt',
        'a/../../secret.txt',
        '/etc/passwd',
        'a\\..\\b',
        'a\0b',
        './a.txt',
        '',
      ]) {
        const answer = await guarded(operation, { key });
        expect(answer, `${operation} with key ${JSON.stringify(key)}`).toMatchObject({
          ok: false,
          // The key is what is refused, not some other missing field.
          error: { code: 'bad-request', message: expect.stringContaining(' key: ') },
        });
      }
    }
    expect(called).toEqual([]);
  });
});
