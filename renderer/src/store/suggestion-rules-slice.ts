import type { ProjectSettings } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import type { Annotation } from '../../../shared/model/annotation';
import type { Suggestion } from '../../../shared/model/suggestion';
import {
  type NeverSuggestName,
  neverSuggestFilter,
  sameNeverSuggest,
} from '../../../shared/model/suggestion-rules';
import type { SliceCreator } from './slice';

export interface SuggestionRulesSlice {
  /** Switches the project's rule "always accept mentions of register names"; the open document follows. */
  setAcceptRegisterMentions(on: boolean): Promise<void>;
  /** Never suggests the name a candidate or mention shows again, in this project; undoable. */
  neverSuggest(suggestion: Suggestion): Promise<void>;
  /** Takes a name off the never-suggest list: it is suggested again; undoable. */
  removeNeverSuggest(entry: NeverSuggestName): Promise<void>;
  /**
   * Mentions the rule tagged as a document's suggestions were listed: shown in the reader and
   * undoable as one step, like accepting them by hand.
   */
  takeAutoAccepted(key: string, created: Annotation[]): void;
}

/**
 * The project's suggestion rules (shared/model/suggestion-rules.ts), kept in the project's
 * settings. Optimistic: the settings and the open document's list change at once, and the
 * project's answer then confirms the settings; a failed save stays listed with Retry.
 */
export const createSuggestionRulesSlice =
  (client: GlossClient): SliceCreator<SuggestionRulesSlice> =>
  (set, get) => {
    const showSettings = (settings: ProjectSettings) =>
      set((s) => (s.project ? { project: { ...s.project, settings } } : {}));
    const editSettings = (change: (settings: ProjectSettings) => ProjectSettings) =>
      set((s) => (s.project ? { project: { ...s.project, settings: change(s.project.settings) } } : {}));
    /** The open document's list without what the rules now silence. */
    const withdrawSilenced = () =>
      set((s) => {
        const silenced = neverSuggestFilter(s.project?.settings.neverSuggest ?? []);
        const list = s.suggestions.list.filter((x) => !silenced(x));
        if (list.length === s.suggestions.list.length) return {};
        return {
          suggestions: { ...s.suggestions, list },
          selectedSuggestionId: list.some((x) => x.id === s.selectedSuggestionId)
            ? s.selectedSuggestionId
            : null,
        };
      });
    const reloadOpen = async () => {
      const key = get().reader.key;
      if (key) await get().loadSuggestions(key);
    };

    const add = async (entry: NeverSuggestName, label: string) => {
      editSettings((s) => ({ ...s, neverSuggest: [...s.neverSuggest, entry] }));
      withdrawSilenced();
      await get().save(label, async () => showSettings(await client.addNeverSuggest(entry)));
    };
    const remove = async (entry: NeverSuggestName, label: string) => {
      editSettings((s) => ({
        ...s,
        neverSuggest: s.neverSuggest.filter((e) => e !== entry && !sameNeverSuggest(e, entry)),
      }));
      await get().save(label, async () => showSettings(await client.removeNeverSuggest(entry)));
      await reloadOpen();
    };

    return {
      async setAcceptRegisterMentions(on) {
        editSettings((s) => ({ ...s, acceptRegisterMentions: on }));
        const saved = await get().save('Suggestion rules', async () =>
          showSettings(await client.updateSettings({ acceptRegisterMentions: on })),
        );
        if (saved && on) await reloadOpen();
      },

      async neverSuggest(suggestion) {
        const entry: NeverSuggestName = { name: suggestion.quote.trim().split(/\s+/).join(' ') };
        const label = `Never suggest “${entry.name}”`;
        const key = get().reader.key ?? '';
        get().record({ label, key, redo: () => add(entry, label), undo: () => remove(entry, label) });
        await add(entry, label);
      },

      async removeNeverSuggest(entry) {
        const label = `Suggest “${entry.name}” again`;
        const key = get().reader.key ?? '';
        get().record({ label, key, redo: () => remove(entry, label), undo: () => add(entry, label) });
        await remove(entry, label);
      },

      takeAutoAccepted(key, created) {
        if (created.length === 0) return;
        let current = created;
        const show = (annotations: readonly Annotation[], delta: number) =>
          set((s) => ({
            reader:
              s.reader.key === key
                ? { ...s.reader, annotations: [...annotations].sort(byPosition) }
                : s.reader,
            documents: s.documents.map((d) =>
              d.key === key ? { ...d, annotationCount: d.annotationCount + delta } : d,
            ),
          }));
        const without = (gone: readonly Annotation[]) => {
          const ids = new Set(gone.map((a) => a.id));
          return get().reader.annotations.filter((a) => !ids.has(a.id));
        };
        show([...without(created), ...created], created.length);
        const label = `Accept ${created.length} register mention${created.length === 1 ? '' : 's'} (rule)`;
        get().record({
          label,
          key,
          // Undone, they are deleted and offered again as ordinary suggestions: the rule tags each once.
          undo: async (key) => {
            const gone = current;
            show(without(gone), -gone.length);
            await get().save(label, async () => {
              for (const annotation of gone) await client.deleteAnnotation({ key, id: annotation.id });
            });
            if (get().reader.key === key) await get().loadSuggestions(key);
          },
          redo: async (key) => {
            const again: Annotation[] = [];
            await get().save(label, async () => {
              for (const { id, code, target, stakeholderId } of current) {
                const { start, end } = target;
                again.push(await client.createAnnotation({ key, id, code, start, end, stakeholderId }));
              }
            });
            current = again;
            if (get().reader.key === key) {
              show([...get().reader.annotations, ...again], again.length);
              await get().loadSuggestions(key);
            }
          },
        });
      },
    };
  };

const byPosition = (a: Annotation, b: Annotation) =>
  a.target.start - b.target.start || a.target.end - b.target.end;
