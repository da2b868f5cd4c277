import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGlossStore, type GlossStore } from '../../../renderer/src/store/gloss-store';
import { selectShownGroup } from '../../../renderer/src/store/review-queue-slice';
import type { GlossClient } from '../../../shared/api-client';
import { ApiError } from '../../../shared/api-error';
import { type SuggestionGroup, suggestionGroupId } from '../../../shared/model/suggestion-group';
import { CORPUS } from '../../support/corpus';
import { holdAnswers } from '../../support/held-answers';
import { openTestStore, savesSettled, type TestStore } from '../../support/renderer-store';

/**
 * Four BBC technology articles that name Microsoft (a possible new stakeholder in each: the
 * biggest group of the queue) and one that does not; the run over all documents builds the queue.
 */
const ARTICLES = ['003', '007', '027', '029', '001'].map((n) => `tech/${n}.txt`);
const MICROSOFT = 'candidate:microsoft';

let opened: TestStore | undefined;
afterEach(async () => {
  await opened?.cleanup();
  opened = undefined;
});

async function until(what: string, done: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  for (const start = Date.now(); !(await done()); ) {
    if (Date.now() - start > ms) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The store after a run over all documents, the review queue open at its first group. */
async function reviewing(): Promise<GlossStore> {
  const files: Record<string, string> = {};
  for (const key of ARTICLES) files[key] = await readFile(join(CORPUS, 'news-txt', key), 'utf8');
  opened = await openTestStore(files);
  const { store, client } = opened;
  await store.getState().startSuggestionJob();
  await until('the run', async () => (await client.getSuggestionJob({})).state === 'done');
  // As main's notice would: the store reads the queue the run has built.
  store.getState().setSuggestionJob(await client.getSuggestionJob({}));
  await until('the queue', () => (store.getState().reviewQueue?.groups.length ?? 0) > 0);
  await store.getState().openReviewQueue();
  return store;
}

const group = (store: GlossStore, id: string) =>
  store.getState().reviewQueue!.groups.find((g) => g.id === id)!;

/** Microsoft's mentions tagged in a document, as the project has them. */
async function tagged(client: GlossClient, key: string): Promise<number> {
  const annotations = await client.listAnnotations({ key });
  return annotations.filter((a) => a.target.quote.toLowerCase() === 'microsoft' && a.stakeholderId).length;
}

/** Microsoft's mentions the project still suggests in a document. */
async function offered(client: GlossClient, key: string): Promise<number> {
  const { suggestions } = await client.listSuggestions({ key });
  return suggestions.filter((s) => suggestionGroupId(s) === MICROSOFT).length;
}

const registered = async (client: GlossClient) =>
  (await client.getProject({})).stakeholders.filter((s) => s.name.toLowerCase() === 'microsoft');

describe('the review queue', () => {
  it('opens at the biggest group, in its document with most mentions, its first one selected', async () => {
    const store = await reviewing();
    const state = store.getState();
    expect(state.reviewOpen).toBe(true);
    expect(state.sidePanelTab).toBe('suggestions');
    const shown = selectShownGroup(state)!;
    expect(shown.id).toBe(MICROSOFT);
    expect(shown.documents).toBe(4);
    expect(state.reviewQueue!.groups[0]!.id).toBe(MICROSOFT);
    expect(state.reader.key).toBe(shown.byDocument[0]!.key);
    const selected = state.suggestions.list.find((s) => s.id === state.selectedSuggestionId);
    expect(selected && suggestionGroupId(selected)).toBe(MICROSOFT);
    // The first of the group in the text.
    expect(selected).toBe(state.suggestions.list.find((s) => suggestionGroupId(s) === MICROSOFT));
  });

  it('shows a grouped accept at once, then tags every mention in every document, one register entry', async () => {
    const store = await reviewing();
    const { client } = opened!;
    const before = group(store, MICROSOFT);
    const groupsBefore = store.getState().reviewQueue!.groups;
    const held = holdAnswers(client, 'decideSuggestionGroup');
    expect(store.getState().acceptReviewGroup()).toBe(true);
    // Before any answer: the group is decided everywhere and the next open group is shown.
    const after = group(store, MICROSOFT);
    expect(after.reviewed).toBe(before.mentions);
    expect(after.byDocument.map((d) => d.decision)).toEqual(before.byDocument.map(() => 'accepted'));
    expect(store.getState().reviewQueue!.reviewed).toBe(before.mentions);
    expect(store.getState().reviewGroupId).toBe(store.getState().reviewQueue!.groups[1]!.id);
    expect(held.asked.length).toBeLessThanOrEqual(1);
    // Only the changed group is a new object: the rest are shared with the queue before.
    const changed = store.getState().reviewQueue!.groups.filter((g, i) => g !== groupsBefore[i]);
    expect(changed.map((g) => g.id)).toEqual([MICROSOFT]);
    await held.releaseOne();
    await savesSettled(store);
    for (const { key, count } of before.byDocument) expect(await tagged(client, key)).toBe(count);
    expect(await registered(client)).toHaveLength(1);
    // The screens follow: the register, the documents' counts, the queue as the project has it.
    expect(store.getState().project!.stakeholders.some((s) => s.name === 'Microsoft')).toBe(true);
    const counts = new Map(store.getState().documents.map((d) => [d.key, d.annotationCount]));
    for (const { key, count } of before.byDocument) expect(counts.get(key)).toBe(count);
    expect((await client.getReviewQueue({})).reviewed).toBe(store.getState().reviewQueue!.reviewed);
  });

  it('rejects in the document shown, then in every document, remembered per document', async () => {
    const store = await reviewing();
    const { client } = opened!;
    const [first, ...rest] = group(store, MICROSOFT).byDocument;
    expect(store.getState().rejectReviewGroup('here')).toBe(true);
    // Still Microsoft, now in its next document.
    expect(store.getState().reviewGroupId).toBe(MICROSOFT);
    expect(store.getState().reviewDocumentKey).toBe(rest[0]!.key);
    expect(group(store, MICROSOFT).byDocument.map((d) => d.decision ?? null)).toEqual([
      'rejected',
      ...rest.map(() => null),
    ]);
    await savesSettled(store);
    expect(await offered(client, first!.key)).toBe(0);
    for (const { key, count } of rest) expect(await offered(client, key)).toBe(count);

    expect(store.getState().rejectReviewGroup('everywhere')).toBe(true);
    expect(group(store, MICROSOFT).reviewed).toBe(group(store, MICROSOFT).mentions);
    expect(store.getState().reviewGroupId).not.toBe(MICROSOFT);
    await savesSettled(store);
    for (const { key } of [first!, ...rest]) {
      expect(await offered(client, key)).toBe(0);
      expect(await tagged(client, key)).toBe(0);
    }
    expect(await registered(client)).toHaveLength(0);
    const onDisk = (await client.getReviewQueue({})).groups.find((g) => g.id === MICROSOFT)!;
    expect(onDisk.byDocument.map((d) => d.decision)).toEqual(onDisk.byDocument.map(() => 'rejected'));
  });

  it('undoes a grouped accept in every document and removes the register entry it added; redo tags again', async () => {
    const store = await reviewing();
    const { client } = opened!;
    const { byDocument, mentions } = group(store, MICROSOFT);
    store.getState().acceptReviewGroup();
    await savesSettled(store);
    expect(await registered(client)).toHaveLength(1);

    const undone = store.getState().undo();
    // At once: open again, and shown again.
    expect(group(store, MICROSOFT).reviewed).toBe(0);
    expect(store.getState().reviewQueue!.reviewed).toBe(0);
    expect(store.getState().reviewGroupId).toBe(MICROSOFT);
    await undone;
    await savesSettled(store);
    for (const { key, count } of byDocument) {
      expect(await tagged(client, key)).toBe(0);
      expect(await offered(client, key)).toBe(count);
    }
    expect(await registered(client)).toHaveLength(0);
    expect(store.getState().project!.stakeholders.some((s) => s.name === 'Microsoft')).toBe(false);
    expect((await client.getReviewQueue({})).reviewed).toBe(0);

    await store.getState().redo();
    await savesSettled(store);
    expect(group(store, MICROSOFT).reviewed).toBe(mentions);
    for (const { key, count } of byDocument) expect(await tagged(client, key)).toBe(count);
    expect(await registered(client)).toHaveLength(1);
  });

  it('undo pressed before the accept is answered waits for it, then takes all of it back', async () => {
    const store = await reviewing();
    const { client } = opened!;
    const { byDocument } = group(store, MICROSOFT);
    const held = holdAnswers(client, 'decideSuggestionGroup');
    store.getState().acceptReviewGroup();
    const undone = store.getState().undo();
    await held.releaseOne();
    await undone;
    await savesSettled(store);
    for (const { key } of byDocument) expect(await tagged(client, key)).toBe(0);
    expect(await registered(client)).toHaveLength(0);
  });

  it('undoes and redoes in the order pressed while earlier saves are still on their way', async () => {
    const store = await reviewing();
    const { client } = opened!;
    const { byDocument } = group(store, MICROSOFT);
    store.getState().acceptReviewGroup();
    await savesSettled(store);
    // A save still on its way holds the undo and the redo behind it.
    let release!: () => void;
    const earlier = new Promise<void>((resolve) => (release = resolve));
    void store.getState().save('an earlier change', () => earlier);
    const undone = store.getState().undo();
    const redone = store.getState().redo();
    release();
    await Promise.all([undone, redone]);
    await savesSettled(store);
    for (const { key, count } of byDocument) expect(await tagged(client, key)).toBe(count);
    expect(await registered(client)).toHaveLength(1);
    // The redo's answer is what the next undo takes back.
    await store.getState().undo();
    await savesSettled(store);
    for (const { key } of byDocument) expect(await tagged(client, key)).toBe(0);
    expect(await registered(client)).toHaveLength(0);
  });

  it('keeps a refused decision on screen, listed with Retry, which sends it again', async () => {
    const store = await reviewing();
    const { client } = opened!;
    const { byDocument, mentions } = group(store, MICROSOFT);
    const send = client.decideSuggestionGroup;
    client.decideSuggestionGroup = async () => {
      client.decideSuggestionGroup = send;
      throw new ApiError('io', 'The disk is full');
    };
    store.getState().acceptReviewGroup();
    await savesSettled(store);
    const [failed] = store.getState().savesFailed;
    expect(failed?.label).toBe('Accept “Microsoft” in 4 documents');
    expect(group(store, MICROSOFT).reviewed).toBe(mentions);
    for (const { key } of byDocument) expect(await tagged(client, key)).toBe(0);
    await failed!.retry();
    await savesSettled(store);
    expect(store.getState().savesFailed).toEqual([]);
    for (const { key, count } of byDocument) expect(await tagged(client, key)).toBe(count);
  });

  it('skips a group for later, and resumes where the review was left in a new store', async () => {
    const store = await reviewing();
    const { client } = opened!;
    store.getState().acceptReviewGroup();
    const second = store.getState().reviewGroupId!;
    expect(store.getState().skipReviewGroup()).toBe(true);
    expect(group(store, second).skipped).toBe(true);
    const third = store.getState().reviewGroupId!;
    expect(third).not.toBe(second);
    expect(third).toBe(store.getState().reviewQueue!.groups[2]!.id);
    await savesSettled(store);
    const reviewed = store.getState().reviewQueue!.reviewed;

    // The app started again over the same project.
    const again = createGlossStore(client);
    await again.getState().reload();
    await until('the queue', () => again.getState().reviewQueue !== null);
    expect(again.getState().reviewQueue!.reviewed).toBe(reviewed);
    await again.getState().openReviewQueue();
    expect(again.getState().reviewGroupId).toBe(third);
    expect(group(again, second).skipped).toBe(true);
    expect(group(again, MICROSOFT).reviewed).toBe(group(again, MICROSOFT).mentions);
    // The set-aside group comes back once the rest is decided.
    const groups = again.getState().reviewQueue!.groups;
    const open = (g: SuggestionGroup) => g.reviewed < g.mentions && g.id !== second;
    expect(groups.filter(open).length).toBeGreaterThan(0);
    await savesSettled(again);
  });

  it('opened before the queue was read, reads it and shows where to resume', async () => {
    const store = await reviewing();
    store.getState().clearReviewQueue();
    expect(store.getState().reviewQueue).toBeNull();
    await store.getState().openReviewQueue();
    expect(store.getState().reviewOpen).toBe(true);
    expect(selectShownGroup(store.getState())?.id).toBe(MICROSOFT);
    expect(store.getState().selectedSuggestionId).not.toBeNull();
  });

  it('follows a new run while open: the group shown gone, the new queue is shown from its start', async () => {
    const store = await reviewing();
    const { client } = opened!;
    store.getState().acceptReviewGroup();
    await savesSettled(store);
    await store.getState().showReviewGroup(MICROSOFT);
    const before = (await client.getSuggestionJob({})).startedAt;
    await store.getState().startSuggestionJob();
    await until('the second run', async () => {
      const job = await client.getSuggestionJob({});
      return job.state === 'done' && job.startedAt !== before;
    });
    store.getState().setSuggestionJob(await client.getSuggestionJob({}));
    // Accepted, Microsoft's mentions are annotations now: the new queue has no such group.
    await until(
      'the new queue shown',
      () => store.getState().reviewGroupId !== null && store.getState().reviewGroupId !== MICROSOFT,
    );
    const queue = store.getState().reviewQueue!;
    expect(queue.groups.some((g) => g.id === MICROSOFT)).toBe(false);
    expect(queue.reviewed).toBe(0);
    expect(store.getState().reviewGroupId).toBe(queue.groups[0]!.id);
  });

  it('walks groups and the documents of a group', async () => {
    const store = await reviewing();
    const { byDocument } = group(store, MICROSOFT);
    expect(store.getState().moveReviewGroup(-1)).toBe(false);
    expect(store.getState().moveReviewDocument(-1)).toBe(false);
    expect(store.getState().moveReviewDocument(1)).toBe(true);
    await until('the second document', () => {
      const s = store.getState();
      return s.reader.key === byDocument[1]!.key && s.selectedSuggestionId !== null;
    });
    expect(store.getState().reviewDocumentKey).toBe(byDocument[1]!.key);
    expect(store.getState().moveReviewGroup(1)).toBe(true);
    const next = store.getState().reviewQueue!.groups[1]!;
    expect(store.getState().reviewGroupId).toBe(next.id);
    // Its first suggestion in its document is the one selected.
    await until('its suggestion selected', () => {
      const s = store.getState();
      const selected = s.suggestions.list.find((x) => x.id === s.selectedSuggestionId);
      return (
        s.reader.key === next.byDocument[0]!.key && !!selected && suggestionGroupId(selected) === next.id
      );
    });
    store.getState().closeReviewQueue();
    expect(store.getState().reviewOpen).toBe(false);
  });
});
