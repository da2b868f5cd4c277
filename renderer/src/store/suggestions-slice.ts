import type { SuggestionJob } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import type { ApiErrorShape } from '../../../shared/api-error';
import type { Annotation } from '../../../shared/model/annotation';
import type { Suggestion } from '../../../shared/model/suggestion';
import { errorShape } from './api-errors';
import type { GlossState, SliceCreator } from './slice';

export interface SuggestionsState {
  /** The document the list is for. */
  key: string | null;
  list: Suggestion[];
  /** How many the researcher has rejected in this document (left out of `list`). */
  rejected: number;
  loading: boolean;
  error: ApiErrorShape | null;
}

export interface SuggestionsSlice {
  suggestions: SuggestionsState;
  /** The suggestion Enter accepts and Backspace rejects; shown in the reader and the list. */
  selectedSuggestionId: string | null;
  /** The corpus-wide run, as main last reported it. */
  suggestionJob: SuggestionJob | null;
  /** Suggestions accepted since the page loaded (the guided tour watches it). */
  suggestionsAccepted: number;
  loadSuggestions(key: string): Promise<void>;
  selectSuggestion(id: string | null): void;
  /** Tags each as proposed; undoable. The next suggestion becomes the selected one. */
  acceptSuggestions(ids: readonly string[]): Promise<void>;
  /** Says no for this document; undoable. */
  rejectSuggestions(ids: readonly string[]): Promise<void>;
  setSuggestionJob(job: SuggestionJob): void;
  startSuggestionJob(): Promise<void>;
  cancelSuggestionJob(): Promise<void>;
}

const none: SuggestionsState = { key: null, list: [], rejected: 0, loading: false, error: null };

/**
 * Suggestions are the server's: accepting and rejecting wait for its answer (accepting makes
 * annotations whose ids main gives), then the screen follows. Undo goes through the same API:
 * accepted annotations are deleted, rejections are taken back.
 */
export const createSuggestionsSlice =
  (client: GlossClient): SliceCreator<SuggestionsSlice> =>
  (set, get) => {
    const steps = suggestionSteps(client, set, get);
    return {
      suggestions: none,
      selectedSuggestionId: null,
      suggestionJob: null,
      suggestionsAccepted: 0,

      async loadSuggestions(key) {
        set((s) => ({
          suggestions:
            s.suggestions.key === key ? { ...s.suggestions, loading: true } : { ...none, key, loading: true },
        }));
        try {
          const { suggestions: list, rejected, autoAccepted } = await client.listSuggestions({ key });
          if (autoAccepted) get().takeAutoAccepted(key, autoAccepted);
          if (get().reader.key !== key) return;
          set((s) => ({
            suggestions: { key, list, rejected, loading: false, error: null },
            selectedSuggestionId: list.some((x) => x.id === s.selectedSuggestionId)
              ? s.selectedSuggestionId
              : null,
          }));
        } catch (error) {
          if (get().reader.key === key)
            set({ suggestions: { ...none, key, error: errorShape(error) }, selectedSuggestionId: null });
        }
      },

      selectSuggestion(id) {
        // One thing is selected at a time: a suggestion or an annotation.
        set(id ? { selectedSuggestionId: id, selectedAnnotationId: null } : { selectedSuggestionId: null });
      },

      async acceptSuggestions(ids) {
        const key = get().suggestions.key;
        const chosen = get().suggestions.list.filter((s) => ids.includes(s.id));
        if (!key || chosen.length === 0) return;
        const label =
          chosen.length === 1 ? `Accept “${chosen[0]!.quote}”` : `Accept ${chosen.length} suggestions`;
        let created: Annotation[] = [];
        const accept = async (key: string) => {
          created = await steps.accept(key, chosen, label);
        };
        await accept(key);
        if (created.length === 0) return;
        get().record({
          label,
          key,
          redo: accept,
          undo: (key) => steps.unaccept(key, created, chosen, label),
        });
      },

      async rejectSuggestions(ids) {
        const key = get().suggestions.key;
        const chosen = get().suggestions.list.filter((s) => ids.includes(s.id));
        if (!key || chosen.length === 0) return;
        const label =
          chosen.length === 1 ? `Reject “${chosen[0]!.quote}”` : `Reject ${chosen.length} suggestions`;
        get().record({
          label,
          key,
          redo: (key) => steps.reject(key, chosen, label),
          undo: (key) => steps.unreject(key, chosen, label),
        });
        await steps.reject(key, chosen, label);
      },

      setSuggestionJob(job) {
        set((s) => ({ suggestionJob: later(s.suggestionJob, job) }));
      },

      async startSuggestionJob() {
        try {
          get().setSuggestionJob(await client.startSuggestionJob({}));
        } catch (error) {
          set({
            suggestionJob: {
              ...idleJob,
              state: 'failed',
              failures: [{ key: '', message: errorShape(error).message }],
            },
          });
        }
      },

      async cancelSuggestionJob() {
        get().setSuggestionJob(await client.cancelSuggestionJob({}));
      },
    };
  };

/**
 * The newer of two reports of the run: events and call answers travel apart (an event stream
 * and a request), so a short run's "done" can arrive before the answer that says it started.
 */
function later(current: SuggestionJob | null, next: SuggestionJob): SuggestionJob {
  if (!current || current.startedAt !== next.startedAt) return next;
  if (current.state !== 'running' && next.state === 'running') return current;
  return next.done >= current.done ? next : current;
}

const idleJob: SuggestionJob = { state: 'idle', done: 0, total: 0, found: 0, byDocument: {}, failures: [] };

type Set = Parameters<SliceCreator<SuggestionsSlice>>[0];
type Get = () => GlossState;

function suggestionSteps(client: GlossClient, set: Set, get: Get) {
  /** Takes suggestions off the list, moving the selection to the one after the last taken. */
  const withdraw = (key: string, ids: ReadonlySet<string>) =>
    set((s) => {
      if (s.suggestions.key !== key) return {};
      const list = s.suggestions.list;
      const last = list.findLastIndex((x) => ids.has(x.id));
      const next =
        list.slice(last + 1).find((x) => !ids.has(x.id)) ??
        list.slice(0, last).findLast((x) => !ids.has(x.id));
      const selected =
        s.selectedSuggestionId && ids.has(s.selectedSuggestionId)
          ? (next?.id ?? null)
          : s.selectedSuggestionId;
      return {
        suggestions: { ...s.suggestions, list: list.filter((x) => !ids.has(x.id)) },
        selectedSuggestionId: selected,
      };
    });
  const countAnnotations = (key: string, delta: number) =>
    set((s) => ({
      documents: s.documents.map((d) =>
        d.key === key ? { ...d, annotationCount: d.annotationCount + delta } : d,
      ),
    }));

  return {
    async accept(key: string, chosen: Suggestion[], label: string): Promise<Annotation[]> {
      let created: Annotation[] = [];
      const saved = await get().save(label, async () => {
        created = await client.acceptSuggestions({ key, ids: chosen.map((s) => s.id) });
      });
      if (!saved) return [];
      withdraw(key, new Set(chosen.map((s) => s.id)));
      // Accepted candidates are new register entries: the screens' register follows.
      if (chosen.some((s) => s.newStakeholder)) {
        const project = await client.getProject({}).catch(() => undefined);
        if (project) set({ project });
      }
      set((s) =>
        s.reader.key === key
          ? { reader: { ...s.reader, annotations: [...s.reader.annotations, ...created].sort(byPosition) } }
          : {},
      );
      countAnnotations(key, created.length);
      get().countSearchProposals(key, -searchCount(chosen));
      set((s) => ({ suggestionsAccepted: s.suggestionsAccepted + chosen.length }));
      return created;
    },

    async unaccept(key: string, created: Annotation[], chosen: Suggestion[], label: string) {
      const ids = new Set(created.map((a) => a.id));
      set((s) =>
        s.reader.key === key
          ? { reader: { ...s.reader, annotations: s.reader.annotations.filter((a) => !ids.has(a.id)) } }
          : {},
      );
      countAnnotations(key, -created.length);
      await get().save(label, async () => {
        for (const annotation of created) await client.deleteAnnotation({ key, id: annotation.id });
        // Accepting took search proposals off the file: they are proposed again, as they were.
        for (const proposals of searchProposalGroups(chosen)) {
          await client.proposeSearchTags({ ...proposals, hits: proposals.hits.map((h) => ({ key, ...h })) });
        }
      });
      get().countSearchProposals(key, searchCount(chosen));
      if (get().reader.key === key) await get().loadSuggestions(key);
    },

    async reject(key: string, chosen: Suggestion[], label: string) {
      withdraw(key, new Set(chosen.map((s) => s.id)));
      set((s) =>
        s.suggestions.key === key
          ? { suggestions: { ...s.suggestions, rejected: s.suggestions.rejected + chosen.length } }
          : {},
      );
      get().countSearchProposals(key, -searchCount(chosen));
      await get().save(label, () => client.rejectSuggestions({ key, ids: chosen.map((s) => s.id) }));
    },

    async unreject(key: string, chosen: Suggestion[], label: string) {
      await get().save(label, () => client.unrejectSuggestions({ key, ids: chosen.map((s) => s.id) }));
      get().countSearchProposals(key, searchCount(chosen));
      if (get().reader.key === key) await get().loadSuggestions(key);
    },
  };
}

const byPosition = (a: Annotation, b: Annotation) =>
  a.target.start - b.target.start || a.target.end - b.target.end;

const searchCount = (chosen: readonly Suggestion[]) => chosen.filter((s) => s.kind === 'search').length;

/** The search proposals among `chosen`, by code and query, as proposeSearchTags takes them. */
function searchProposalGroups(chosen: readonly Suggestion[]) {
  const groups = new Map<string, { code: string; query: string; hits: { start: number; end: number }[] }>();
  for (const s of chosen) {
    if (s.kind !== 'search') continue;
    const query = s.query ?? '';
    const id = `${s.code}\n${query}`;
    const group = groups.get(id) ?? { code: s.code, query, hits: [] };
    group.hits.push({ start: s.start, end: s.end });
    groups.set(id, group);
  }
  return groups.values();
}
