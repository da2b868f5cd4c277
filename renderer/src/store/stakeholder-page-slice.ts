import type { MentionRef, StakeholderProfile } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import type { ApiErrorShape } from '../../../shared/api-error';
import { errorShape } from './api-errors';
import type { SliceCreator } from './slice';

export interface StakeholderPage {
  /** The stakeholder shown; after a merge, the one it was merged into. */
  id: string;
  /** The last answer; kept on screen while a newer one loads. */
  profile: StakeholderProfile | null;
  loading: boolean;
  error: ApiErrorShape | null;
}

export interface StakeholderPageSlice {
  /** The stakeholder's page the register tab shows instead of its list; null: the list. */
  stakeholderPage: StakeholderPage | null;
  openStakeholderPage(id: string): Promise<void>;
  closeStakeholderPage(): void;
  /** Asks for the profile again (after tagging, editing the register or merging). */
  refreshStakeholderPage(): Promise<void>;
  /** Opens the document a passage is in, selects its annotation and asks the reader to bring it into view. */
  goToPassage(passage: Pick<MentionRef, 'key' | 'annotationId'>): Promise<void>;
}

/** The profile is read across the whole project, so it is asked for when the page opens or its data changed, not kept in step edit by edit. */
export const createStakeholderPageSlice =
  (client: GlossClient): SliceCreator<StakeholderPageSlice> =>
  (set, get) => {
    // One profile request at a time: reading a large project takes seconds, and edits made
    // meanwhile are covered by one more request once it is answered, not one each.
    let inFlight: Promise<void> | null = null;
    let askAgain = false;

    const load = async () => {
      const asked = get().stakeholderPage;
      if (!asked) return;
      set({ stakeholderPage: { ...asked, loading: true } });
      // A page closed or another one opened meanwhile: this answer is no longer wanted.
      const stillAsked = () => get().stakeholderPage?.id === asked.id;
      try {
        const profile = await client.stakeholderProfile({ id: asked.id });
        if (stillAsked())
          set({ stakeholderPage: { id: profile.stakeholder.id, profile, loading: false, error: null } });
      } catch (error) {
        if (stillAsked())
          set({ stakeholderPage: { ...asked, profile: null, loading: false, error: errorShape(error) } });
      }
    };

    return {
      stakeholderPage: null,

      async openStakeholderPage(id) {
        set({ stakeholderPage: { id, profile: null, loading: true, error: null } });
        await get().refreshStakeholderPage();
      },

      closeStakeholderPage() {
        set({ stakeholderPage: null });
      },

      async refreshStakeholderPage() {
        if (inFlight) {
          askAgain = true;
          return inFlight;
        }
        inFlight = (async () => {
          do {
            askAgain = false;
            await load();
          } while (askAgain);
        })();
        try {
          await inFlight;
        } finally {
          inFlight = null;
        }
      },

      async goToPassage({ key, annotationId }) {
        const { selectedKey, reader } = get();
        if (selectedKey !== key || reader.key !== key || !reader.document) await get().selectDocument(key);
        get().selectAnnotation(annotationId);
        get().scrollToAnnotation(annotationId);
      },
    };
  };
