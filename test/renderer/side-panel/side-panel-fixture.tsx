import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act, cleanup, render } from '@testing-library/react';
import { SidePanel } from '../../../renderer/src/components/side-panel/SidePanel';
import type { NewTag } from '../../../renderer/src/store/annotations-slice';
import { StoreProvider } from '../../../renderer/src/store/context';
import type { SidePanelTab } from '../../../renderer/src/store/ui-slice';
import { openTestStore, savesSettled, type TestStore } from '../../support/renderer-store';

/** A short article with a stakeholder, a concern and a figure in it. */
export const ARTICLE = [
  'TikTok deal',
  '',
  'ByteDance agreed to sell a stake in TikTok to Oracle, in a deal valuing the app at $15-30 billion.',
  'Privacy advocates raised concerns about user data. The app has 100 million users in the United States.',
  '',
].join('\n');

/**
 * The side panel over the real store and service on a temp folder holding a.txt (and b.txt),
 * with a.txt open in the reader, as the app shows it. Saves reach the disk.
 */
export async function openPanel(tab: SidePanelTab = 'codes', files: Record<string, string> = {}) {
  const t = await openTestStore({
    'a.txt': ARTICLE,
    'b.txt': 'Another story\n\nOracle said nothing.\n',
    ...files,
  });
  await act(() => t.store.getState().selectDocument('a.txt'));
  act(() => t.store.getState().setSidePanelTab(tab));
  render(
    <StoreProvider store={t.store}>
      <aside aria-label="Side panel">
        <SidePanel />
      </aside>
    </StoreProvider>,
  );
  return t;
}

export async function closePanel(t: TestStore | undefined) {
  cleanup();
  if (!t) return;
  await t.cleanup();
}

/** Tags the first occurrence of `quote` in the open document through the store, as the palette would. */
export async function tagQuote(
  t: TestStore,
  quote: string,
  code: string,
  extra: Omit<NewTag, 'code' | 'start' | 'end'> = {},
): Promise<string> {
  const text = t.store.getState().reader.document!.text;
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the document`);
  const id = await act(() => t.store.getState().tag({ code, start, end: start + quote.length, ...extra }));
  await savesSettled(t.store);
  return id!;
}

/** Writes alice's file for a.txt (ids alice-0, alice-1…) and reopens the document, as a sync from a colleague would. */
export async function colleagueAnnotates(
  t: TestStore,
  annotations: { code: string; start: number; end: number }[],
) {
  const { document } = t.store.getState().reader;
  const dir = join(t.project.path, '.gloss', 'annotations', 'a.txt');
  await mkdir(dir, { recursive: true });
  const now = new Date().toISOString();
  await writeFile(
    join(dir, 'alice.json'),
    JSON.stringify({
      format: 'gloss-annotations',
      schemaVersion: 1,
      document: 'a.txt',
      annotator: 'alice',
      fingerprint: document!.fingerprint,
      annotations: annotations.map((a, i) => ({
        id: `alice-${i}`,
        code: a.code,
        author: 'alice',
        created: now,
        modified: now,
        target: {
          start: a.start,
          end: a.end,
          quote: document!.text.slice(a.start, a.end),
          prefix: '',
          suffix: '',
        },
      })),
    }),
  );
  await act(() => t.store.getState().openDocument('a.txt'));
}

/** This annotator's file for a document, as saved on disk. */
export async function annotationFile(t: TestStore, key = 'a.txt') {
  const path = join(t.project.path, '.gloss', 'annotations', ...key.split('/'), 'tester.json');
  return JSON.parse(await readFile(path, 'utf8')) as {
    note: string;
    annotations: { id: string; code: string; note?: string; stakeholderId?: string }[];
  };
}

export async function projectFile(t: TestStore) {
  const text = await readFile(join(t.project.path, '.gloss', 'project.json'), 'utf8');
  return JSON.parse(text) as {
    codebook: {
      codes: { id: string; name: string; parentId: string | null; color: string; shortcut?: string }[];
    };
    stakeholders: { id: string; name: string; kind: string; aliases: string[] }[];
  };
}
