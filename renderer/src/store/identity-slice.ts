import type { AnnotatorInfo } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import type { ApiErrorShape } from '../../../shared/api-error';
import { errorShape } from './api-errors';
import type { SliceCreator } from './slice';

/**
 * Who this Gloss annotates as. Server-led: main keeps the name in the user's settings and decides
 * whether it may be used in the open project; the slice shows its last answer. Choosing a name
 * reopens the project in main, whose projectOpened reloads the rest of the screens.
 */
export interface IdentitySlice {
  /** main's last answer; null until it has answered. */
  annotator: AnnotatorInfo | null;
  loadAnnotator(): Promise<void>;
  /** Resolves to main's refusal, to show beside the name (a name another computer uses…), or null. */
  chooseAnnotator(name: string, sameAnnotator?: boolean): Promise<ApiErrorShape | null>;
}

export const createIdentitySlice =
  (client: GlossClient): SliceCreator<IdentitySlice> =>
  (set) => ({
    annotator: null,

    async loadAnnotator() {
      try {
        set({ annotator: await client.getAnnotator({}) });
      } catch {
        // A Gloss that cannot say leaves the header as it was; the question is not asked.
      }
    },

    async chooseAnnotator(name, sameAnnotator) {
      try {
        set({ annotator: await client.setAnnotator({ name, ...(sameAnnotator ? { sameAnnotator } : {}) }) });
        return null;
      } catch (error) {
        return errorShape(error);
      }
    },
  });
