import { afterEach, describe, expect, it } from 'vitest';
import type { CooccurrenceRule } from '../../../shared/analysis/cooccurrence';
import type { CooccurrenceMatrix } from '../../../shared/api';
import { holdAnswers } from '../../support/held-answers';
import { openTestStore, type TestStore } from '../../support/renderer-store';

let t: TestStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const TEXT = 'Apps\n\nTikTok faces privacy questions. Security is a worry too.\n';

/** A project where TikTok's cells differ by rule: Privacy overlaps the mention, Security shares only its paragraph. */
async function tagged(): Promise<TestStore> {
  const store = await openTestStore({ 'a.txt': TEXT });
  const { id } = await store.client.addStakeholder({ name: 'TikTok', kind: 'company' });
  const tag = (quote: string, code: string, stakeholderId?: string) => {
    const start = TEXT.indexOf(quote);
    return store.client.createAnnotation({
      key: 'a.txt',
      code,
      start,
      end: start + quote.length,
      stakeholderId,
    });
  };
  await tag('TikTok', 'stakeholder', id);
  await tag('TikTok faces privacy', 'privacy');
  await tag('Security is a worry', 'security');
  return store;
}

const cells = (matrix: CooccurrenceMatrix | undefined) => matrix?.cells.map((c) => `${c.code} ${c.count}`);

describe('the analysis slice', () => {
  it('counts by paragraph first, one request at a time, and shows only the newest choice’s answer', async () => {
    t = await tagged();
    const { store } = t;
    expect(store.getState().analysis.rule).toBe('paragraph');
    const held = holdAnswers(t.client, 'cooccurrenceMatrix');
    const shown: (CooccurrenceRule | undefined)[] = [];
    store.subscribe((state, before) => {
      if (state.analysis.result !== before.analysis.result) shown.push(state.analysis.result?.matrix.by);
    });
    const first = store.getState().refreshAnalysis();
    expect(store.getState().analysis.loading).toBe(true);
    const second = store.getState().setAnalysisRule('sentence');
    const third = store.getState().setAnalysisRule('overlap');
    await held.releaseOne();
    await held.releaseOne();
    await Promise.all([first, second, third]);
    // "sentence" was replaced by "overlap" before it was sent; the paragraph answer came too late to show.
    expect(held.asked.map((request) => request.by)).toEqual(['paragraph', 'overlap']);
    expect(held.mostAtOnce()).toBe(1);
    expect(shown).toEqual(['overlap']);
    expect(store.getState().analysis).toMatchObject({ loading: false, error: null, rule: 'overlap' });
    expect(cells(store.getState().analysis.result?.matrix)).toEqual(['privacy 1']);
  });

  it('keeps the chosen cell while the new answer has it, and forgets everything but the rule for another project', async () => {
    t = await tagged();
    const { store } = t;
    await store.getState().refreshAnalysis();
    expect(cells(store.getState().analysis.result?.matrix)).toEqual(['security 1', 'privacy 1']);
    expect(store.getState().analysis.authorsSeen).toEqual(['tester']);
    const tiktok = store.getState().analysis.result!.matrix.stakeholders[0]!.id;
    store.getState().selectAnalysisCell({ stakeholderId: tiktok, code: 'security' });
    await store.getState().setAnalysisRule('sentence');
    // "Security is a worry" is a sentence of its own, away from the mention.
    expect(store.getState().analysis.selectedCell).toBeNull();
    store.getState().selectAnalysisCell({ stakeholderId: tiktok, code: 'privacy' });
    await store.getState().setAnalysisRule('overlap');
    expect(store.getState().analysis.selectedCell).toEqual({ stakeholderId: tiktok, code: 'privacy' });

    store.getState().clearAnalysis();
    expect(store.getState().analysis).toMatchObject({
      rule: 'overlap',
      annotator: null,
      authorsSeen: [],
      result: null,
      selectedCell: null,
    });
  });
});
