import type { ApiEvents, SuggestionList } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import { findFigures } from '../../shared/figures';
import type { Annotation } from '../../shared/model/annotation';
import { registerIdsByName } from '../../shared/model/register-names';
import type { Stakeholder } from '../../shared/model/stakeholder';
import type { Suggestion } from '../../shared/model/suggestion';
import { neverSuggestFilter } from '../../shared/model/suggestion-rules';
import { foldName as folded } from '../../shared/text/fold-name';
import { mentionFinder } from '../../shared/text/mentions';
import { forEachLimited } from '../project/for-each-limited';
import type { Project } from '../project/project';
import { throttled } from '../project/throttled';
import { JsonStore } from '../storage/json-store';
import { findCandidates } from './candidates';
import { documentSuggestions } from './document-suggestions';
import {
  migrateRejectionsFile,
  newRejectionsFile,
  RejectionsFileSchema,
  type StoredProposal,
} from './rejections-file';
import { type HitPlace, placeProposals, proposalsFor } from './search-proposals';

type RejectionsStore = JsonStore<typeof RejectionsFileSchema>;

export type ProposalProgress = ApiEvents['proposalProgress'];

/** Counts a phase's documents and reports them a few times a second, and once at its end. */
function progressReporter(
  phase: ProposalProgress['phase'],
  total: number,
  report: (progress: ProposalProgress) => void,
) {
  let done = 0;
  const throttledReport = throttled(report);
  return {
    step: () => throttledReport({ phase, done: ++done, total }),
    end: () => throttledReport({ phase, done: total, total }, true),
  };
}

/** Documents read or written at once when proposing search hits: enough to overlap their I/O. */
const FILES_IN_FLIGHT = 16;

/** Texts longer than this (UTF-16 units, about 50 news articles) get no candidate stakeholders. */
export const CANDIDATE_TEXT_LIMIT = 200_000;

/**
 * Suggestions for a project's documents: computed from the text, the register and the parser
 * each time they are asked for (nothing of them is saved but the researcher's rejections), with
 * the search hits the researcher proposed to tag (saved beside the rejections), and turned into
 * annotations only when accepted.
 */
export class Suggestions {
  readonly #stores = new Map<string, Promise<RejectionsStore>>();
  readonly #accepting = new Map<string, Promise<Annotation[]>>();
  #finder: { register: readonly Stakeholder[]; find: ReturnType<typeof mentionFinder> } | undefined;

  constructor(private readonly project: Project) {}

  /**
   * What there is to review in a document. With `acceptByRule` (the screens opening a document)
   * and the project's rule on, mentions of register names are tagged first: see #acceptByRule.
   * The corpus-wide job and `gloss suggest` list without it, so they never write.
   */
  async list(key: string, options: { acceptByRule?: boolean } = {}): Promise<SuggestionList> {
    const autoAccepted = options.acceptByRule ? await this.#acceptByRule(key) : [];
    // The same assembly the reader just opened (openDocument): nothing is read again.
    const [{ document, annotations }, rejections] = await Promise.all([
      this.project.openDocument(key),
      this.#rejections(key),
    ]);
    const computed = this.#compute(document.text, annotations, rejections);
    const proposed = this.#proposals(document.text, annotations, rejections);
    const suggestions = proposed.length === 0 ? computed : [...computed, ...proposed].sort(byPlace);
    return {
      key,
      suggestions,
      rejected: rejections.data.rejected.length,
      ...(autoAccepted.length > 0 ? { autoAccepted } : {}),
    };
  }

  /**
   * The rule "always accept mentions of register names": every mention suggestion on offer to
   * this annotator (not tagged as a stakeholder by anyone, not rejected, not silenced by a
   * never-suggest name) that the rule has not tagged before is tagged as accepting it would, and
   * remembered in the annotator's suggestions file. So each mention is tagged by the rule at most
   * once: one the researcher deletes, or whose tagging they undo, is offered again as an ordinary
   * suggestion. Nothing happens in a project opened read-only. One document at a time, so two
   * listings at once cannot tag a mention twice.
   */
  #acceptByRule(key: string): Promise<Annotation[]> {
    if (this.project.readOnly || !this.project.info().settings.acceptRegisterMentions)
      return Promise.resolve([]);
    const previous = this.#accepting.get(key) ?? Promise.resolve([]);
    const next = previous
      .catch(() => [])
      .then(async () => {
        const store = await this.#rejections(key);
        const done = new Set(store.data.autoAccepted.map((a) => a.id));
        const { suggestions } = await this.list(key);
        const mentions = suggestions.filter((s) => s.kind === 'stakeholder' && !done.has(s.id));
        if (mentions.length === 0) return [];
        // Tagged first, then remembered: if remembering fails, the tags are there and keep the
        // mentions from being offered, so nothing is tagged twice either way.
        const created = await this.accept(
          key,
          mentions.map((s) => s.id),
        );
        const at = new Date().toISOString();
        await store.update((file) => {
          for (const { id, start, end, quote } of mentions)
            file.autoAccepted.push({ id, start, end, quote, at });
        });
        return created;
      });
    this.#accepting.set(key, next);
    void next
      .finally(() => {
        if (this.#accepting.get(key) === next) this.#accepting.delete(key);
      })
      .catch(() => {});
    return next;
  }

  /** The search proposals still to review in a document (the rest of `list`, left uncomputed). */
  async listProposals(key: string): Promise<Suggestion[]> {
    const rejections = await this.#rejections(key);
    if (rejections.data.proposed.length === 0) return [];
    const { document, annotations } = await this.project.openDocument(key);
    return this.#proposals(document.text, annotations, rejections);
  }

  /**
   * Stores a proposal to tag each hit with `code`, per document, for review; nothing is tagged.
   * Every document is read and checked first, so a hit that does not fit its text changes nothing.
   */
  async propose(
    code: string,
    query: string,
    hits: ReadonlyMap<string, readonly HitPlace[]>,
    progress: (progress: ProposalProgress) => void = () => {},
  ): Promise<{ proposed: number; skipped: number; byDocument: Record<string, number> }> {
    this.#assertWritable();
    const at = new Date().toISOString();
    const documents = [...hits];
    const checking = progressReporter('checking', documents.length, progress);
    const planned: { store: RejectionsStore; added: StoredProposal[] }[] = new Array(documents.length);
    let skipped = 0;
    await forEachLimited(documents, FILES_IN_FLIGHT, async ([key, places], i) => {
      const [{ document, annotations }, store] = await Promise.all([
        this.project.openDocument(key),
        this.#rejections(key),
      ]);
      try {
        const found = proposalsFor(document.text, annotations, store.data.proposed, {
          code,
          query,
          hits: places,
          at,
        });
        skipped += found.skipped;
        planned[i] = { store, added: found.added };
        checking.step();
      } catch (error) {
        if (error instanceof RangeError) throw new ApiError('bad-request', `${key}: ${error.message}`);
        throw error;
      }
    });
    checking.end();
    const added = new Array<number>(documents.length).fill(0);
    const saving = progressReporter('saving', documents.length, progress);
    // Each file is written once, many at a time, so their flushes to disk overlap.
    await forEachLimited(planned, FILES_IN_FLIGHT, async ({ store, added: proposals }, i) => {
      saving.step();
      if (proposals.length === 0) return;
      // Applied to the file as it is now, which another window may have added to meanwhile.
      added[i] = await store.update((file) => {
        const there = new Set(file.proposed.map((p) => p.id));
        const fresh = proposals.filter((p) => !there.has(p.id));
        file.proposed.push(...fresh);
        return fresh.length;
      });
      skipped += proposals.length - added[i]!;
    });
    saving.end();
    const byDocument: Record<string, number> = {};
    documents.forEach(([key], i) => {
      if (added[i]! > 0) byDocument[key] = added[i]!;
    });
    const proposed = added.reduce((sum, n) => sum + n, 0);
    return { proposed, skipped, byDocument };
  }

  /** Tags each suggestion as proposed; ids no longer on offer (already accepted, gone) are refused. */
  async accept(key: string, ids: readonly string[]): Promise<Annotation[]> {
    return this.#acceptOffered(key, await this.#offered(key, ids));
  }

  /**
   * Accepts (or rejects) what the document offers now that `matches` (a group of the review
   * queue), listing it once; nothing when none matches.
   */
  async acceptMatching(key: string, matches: (suggestion: Suggestion) => boolean): Promise<Annotation[]> {
    const offered = (await this.list(key)).suggestions.filter(matches);
    return offered.length === 0 ? [] : this.#acceptOffered(key, offered);
  }

  async rejectMatching(key: string, matches: (suggestion: Suggestion) => boolean): Promise<string[]> {
    this.#assertWritable();
    const offered = (await this.list(key)).suggestions.filter(matches);
    return offered.length === 0 ? [] : this.#rejectOffered(key, offered);
  }

  async #acceptOffered(key: string, offered: readonly Suggestion[]): Promise<Annotation[]> {
    const stakeholderIds = await this.#registerCandidates(offered);
    const created = await this.project.createAnnotations(
      key,
      offered.map((suggestion) => {
        const stakeholderId = suggestion.stakeholderId ?? stakeholderIds.get(suggestion.id);
        return {
          code: suggestion.code,
          start: suggestion.start,
          end: suggestion.end,
          ...(stakeholderId ? { stakeholderId } : {}),
          ...(suggestion.value ? { value: suggestion.value } : {}),
          // What the suggestion statistics count as accepted, by kind.
          suggested: suggestion.kind,
        };
      }),
    );
    // An accepted proposal is an annotation now: it leaves the file (undo proposes it again).
    const accepted = new Set(offered.filter((s) => s.kind === 'search').map((s) => s.id));
    if (accepted.size > 0) {
      const store = await this.#rejections(key);
      await store.update((file) => {
        file.proposed = file.proposed.filter((p) => !accepted.has(p.id));
      });
    }
    return created;
  }

  /**
   * The register entries accepted candidates stand for: one per name, the one already there if
   * the register has that name or alias by now, else a new entry of the guessed kind.
   */
  async #registerCandidates(offered: readonly Suggestion[]): Promise<Map<string, string>> {
    const bySuggestion = new Map<string, string>();
    const byName = registerIdsByName(this.project.info().stakeholders);
    for (const suggestion of offered) {
      const wanted = suggestion.newStakeholder;
      if (!wanted) continue;
      let id = byName.get(folded(wanted.name));
      if (!id) {
        id = (await this.project.stakeholders.add({ name: wanted.name, kind: wanted.kind, aliases: [] })).id;
        byName.set(folded(wanted.name), id);
      }
      bySuggestion.set(suggestion.id, id);
    }
    return bySuggestion;
  }

  async reject(key: string, ids: readonly string[]): Promise<{ rejected: string[] }> {
    this.#assertWritable();
    return { rejected: await this.#rejectOffered(key, await this.#offered(key, ids)) };
  }

  async #rejectOffered(key: string, offered: readonly Suggestion[]): Promise<string[]> {
    const store = await this.#rejections(key);
    const at = new Date().toISOString();
    await store.update((file) => {
      for (const { id, kind, start, end, quote } of offered)
        file.rejected.push({ id, kind, start, end, quote, at });
    });
    return offered.map((s) => s.id);
  }

  async unreject(key: string, ids: readonly string[]): Promise<{ restored: string[] }> {
    this.#assertWritable();
    const store = await this.#rejections(key);
    const wanted = new Set(ids);
    const restored = store.data.rejected.filter((r) => wanted.has(r.id)).map((r) => r.id);
    if (restored.length > 0) {
      await store.update((file) => {
        file.rejected = file.rejected.filter((r) => !wanted.has(r.id));
      });
    }
    return { restored };
  }

  #compute(text: string, annotations: readonly Annotation[], rejections: RejectionsStore): Suggestion[] {
    const { codebook, settings } = this.project.info();
    const silenced = neverSuggestFilter(settings.neverSuggest);
    return documentSuggestions({
      text,
      codebook,
      annotations,
      rejected: new Set(rejections.data.rejected.map((r) => r.id)),
      figures: findFigures(text),
      mentions: this.#mentionFinder()(text),
      // Candidates take about 0.5 ms per news article (0.1-0.4 s at the limit); a book-length text
      // would hold up every other call for seconds, so long texts get figures and register names only.
      candidates: text.length <= CANDIDATE_TEXT_LIMIT ? findCandidates(text) : [],
    }).filter((suggestion) => !silenced(suggestion));
  }

  #proposals(text: string, annotations: readonly Annotation[], rejections: RejectionsStore): Suggestion[] {
    const { proposed, rejected } = rejections.data;
    if (proposed.length === 0) return [];
    return placeProposals(text, annotations, proposed, new Set(rejected.map((r) => r.id)));
  }

  async #offered(key: string, ids: readonly string[]): Promise<Suggestion[]> {
    const { suggestions } = await this.list(key);
    const byId = new Map(suggestions.map((s) => [s.id, s]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0) {
      throw new ApiError(
        'not-found',
        `${missing.length === 1 ? `Suggestion ${missing[0]} is` : `${missing.length} suggestions are`} no longer offered in ${key} (accepted, rejected, or the text or register changed)`,
      );
    }
    return [...new Set(ids)].map((id) => byId.get(id)!);
  }

  #assertWritable(): void {
    this.project.assertWritable();
  }

  /** Rebuilt only when the register changes (its array is replaced on every register edit). */
  #mentionFinder() {
    const register = this.project.info().stakeholders;
    if (this.#finder?.register !== register) this.#finder = { register, find: mentionFinder(register) };
    return this.#finder.find;
  }

  #rejections(key: string): Promise<RejectionsStore> {
    const { layout, annotator } = this.project;
    const path = layout.suggestionsFile(key, annotator);
    let store = this.#stores.get(path);
    if (!store) {
      store = JsonStore.open(
        {
          path,
          displayName: layout.display(path),
          schema: RejectionsFileSchema,
          migrate: migrateRejectionsFile,
          readOnly: this.project.readOnly,
        },
        newRejectionsFile(key, annotator),
      );
      store.catch(() => this.#stores.delete(path));
      this.#stores.set(path, store);
    }
    return store;
  }
}

const byPlace = (a: Suggestion, b: Suggestion) => a.start - b.start || a.end - b.end;
