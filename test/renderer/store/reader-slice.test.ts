import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore, savesSettled, type TestStore } from '../../support/renderer-store';

const TEXT = 'ByteDance agreed to sell a stake in TikTok to Oracle.\n\nPrivacy advocates objected.\n';

let t: TestStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

/**
 * Holds the answers to `openDocument` until released: a reload of the open document (an article
 * or annotation file changed on disk) still on its way while the researcher goes on.
 */
function holdDocumentReadings(client: TestStore['client']) {
  const read = client.openDocument;
  const waiting: (() => void)[] = [];
  let held = true;
  client.openDocument = async (request) => {
    const answer = await read(request);
    if (held) await new Promise<void>((resolve) => waiting.push(resolve));
    return answer;
  };
  return {
    async release() {
      for (let i = 0; i < 200 && waiting.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      held = false;
      for (const go of waiting.splice(0)) go();
    },
  };
}

/** Opens a.txt, then starts reloading it with the reading held until `held.release()`. */
async function reloadHeldOpen() {
  t = await openTestStore({ 'a.txt': TEXT });
  const store = t.store;
  await store.getState().selectDocument('a.txt');
  const held = holdDocumentReadings(t.client);
  const reloaded = store.getState().openDocument('a.txt');
  await new Promise((r) => setTimeout(r, 20));
  return { t, store, held, reloaded };
}

describe('reloading the open document', () => {
  it('does not take back a status chosen while the reload was being read', async () => {
    const { store, held, reloaded } = await reloadHeldOpen();
    await store.getState().setStatus('done');
    await held.release();
    await reloaded;
    expect(store.getState().reader.document?.status).toBe('done');
    expect(store.getState().documents.find((d) => d.key === 'a.txt')?.status).toBe('done');
  });

  it('keeps a tag made while the reload was being read, and shows what changed on disk too', async () => {
    const { t, store, held, reloaded } = await reloadHeldOpen();
    const start = TEXT.indexOf('Oracle');
    const id = await store.getState().tag({ code: 'stakeholder', start, end: start + 'Oracle'.length });
    // Someone else's change to the file, made while the first reading was on its way.
    await t.service.setDocumentNote({ key: 'a.txt', note: 'from another window' });
    await held.release();
    await reloaded;
    expect(store.getState().reader.annotations.map((a) => a.id)).toEqual([id]);
    expect(store.getState().reader.document?.note).toBe('from another window');
    await savesSettled(store);
    const file = join(t.project.path, '.gloss', 'annotations', 'a.txt', 'tester.json');
    expect(JSON.parse(await readFile(file, 'utf8')).annotations).toMatchObject([{ id }]);
  });
});
