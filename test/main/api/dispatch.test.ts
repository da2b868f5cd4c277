import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService } from '../../../main/api/gloss-service';

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
});
