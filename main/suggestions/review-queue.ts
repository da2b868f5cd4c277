import { ApiError } from '../../shared/api-error';
import type { GroupDecisionResult, reviewQueueRequests } from '../../shared/api-review-queue';
import type { Annotation } from '../../shared/model/annotation';
import { registerIdsByName } from '../../shared/model/register-names';
import type { Suggestion } from '../../shared/model/suggestion';
import {
  inSuggestionGroup,
  type ReviewQueue,
  type SuggestionGroup,
} from '../../shared/model/suggestion-group';
import { foldName } from '../../shared/text/fold-name';
import { forEachLimited } from '../project/for-each-limited';
import type { Project } from '../project/project';
import { JsonStore } from '../storage/json-store';
import {
  migrateReviewFile,
  newReviewDecisionsFile,
  newReviewQueueFile,
  type ReviewDecisionsFile,
  ReviewDecisionsFileSchema,
  ReviewQueueFileSchema,
  type StoredGroup,
} from './review-queue-files';
import type { Suggestions } from './suggestions';

type UndoRequest = import('zod').output<(typeof reviewQueueRequests)['undoSuggestionGroup']>;

/** Documents decided at once: enough to overlap their reads and writes. */
const DOCUMENTS_IN_FLIGHT = 8;

/**
 * This annotator's review queue: built from a run over all documents (SuggestionJobRunner), kept
 * in .gloss/review/<annotator>/ so it survives a restart, and decided a group at a time. A group's
 * members are found again in each document when it is decided, so what is accepted or rejected is
 * what is on offer then (not what the run saw). A project opened read-only keeps it in memory.
 */
export class SuggestionReview {
  #queue: Promise<JsonStore<typeof ReviewQueueFileSchema>> | undefined;
  #decisions: Promise<JsonStore<typeof ReviewDecisionsFileSchema>> | undefined;
  /** The queue of a read-only project, which is never written. */
  #unsaved: { builtAt: string; groups: StoredGroup[] } | undefined;

  constructor(
    private readonly project: Project,
    private readonly suggestions: Suggestions,
  ) {}

  /** Replaces the queue with a run's groups; what was decided about the last one is dropped. */
  async rebuild(groups: StoredGroup[], builtAt: string): Promise<void> {
    if (this.project.readOnly) {
      this.#unsaved = { builtAt, groups };
      return;
    }
    const [queue, decisions] = await Promise.all([this.#queueStore(), this.#decisionsStore()]);
    await queue.update((file) => {
      file.builtAt = builtAt;
      file.groups = groups;
    });
    await decisions.update((file) => {
      file.builtAt = builtAt;
      file.groups = {};
    });
  }

  async get(): Promise<ReviewQueue> {
    const { builtAt, groups } = await this.#stored();
    const decided = builtAt === null ? {} : await this.#decided(builtAt);
    let total = 0;
    let reviewed = 0;
    const merged = groups.map((group): SuggestionGroup => {
      total += group.mentions;
      const decision = decided[group.id];
      if (!decision) return { ...group, reviewed: 0 };
      let done = 0;
      const byDocument = group.byDocument.map((d) => {
        const made = decision.documents[d.key];
        if (!made) return d;
        done += d.count;
        return { ...d, decision: made };
      });
      reviewed += done;
      return { ...group, byDocument, reviewed: done, ...(decision.skipped ? { skipped: true } : {}) };
    });
    return { builtAt, total, reviewed, groups: merged };
  }

  /**
   * Accepts or rejects the group's suggestions on offer now, in `keys` or every document of the
   * group not decided yet.
   */
  async decide(
    id: string,
    decision: 'accept' | 'reject',
    keys?: readonly string[],
  ): Promise<GroupDecisionResult> {
    this.project.assertWritable();
    const group = await this.#group(id);
    const inGroup = new Set(group.byDocument.map((d) => d.key));
    const outside = (keys ?? []).filter((key) => !inGroup.has(key));
    if (outside.length > 0) {
      throw new ApiError(
        'bad-request',
        `${group.label} has no suggestions in ${outside.join(', ')} in the review queue`,
      );
    }
    // Every document means those not decided yet: an undo then gives back exactly what this did.
    const { builtAt } = await this.#stored();
    const before = builtAt === null ? undefined : (await this.#decided(builtAt))[id]?.documents;
    const targets = keys ? [...new Set(keys)] : [...inGroup].filter((key) => !before?.[key]);
    const registered = group.newStakeholder
      ? this.#registered(group.newStakeholder.name)
      : group.stakeholderId;
    const documents: GroupDecisionResult['documents'] = new Array(targets.length);
    // Short forms folded into the group ("Mr Blair") become the entry's aliases first, so that
    // every mention is then offered as a mention of that one entry.
    const aliases =
      decision === 'accept' && group.aliases?.length ? await this.#withAliases(group, registered) : undefined;
    // Once a possible new stakeholder is in the register, its other mentions are offered as
    // mentions of that entry: they are the group's too.
    let entry = aliases?.stakeholderId ?? registered;
    const belongs = (s: Suggestion) =>
      inSuggestionGroup(group, s) ||
      (entry !== undefined && s.kind === 'stakeholder' && s.stakeholderId === entry);
    const decideIn = async (key: string, index: number) => {
      try {
        if (decision === 'accept') {
          const annotations = await this.suggestions.acceptMatching(key, belongs);
          documents[index] = annotations.length > 0 ? { key, annotations } : { key };
        } else {
          const rejected = await this.suggestions.rejectMatching(key, belongs);
          documents[index] = rejected.length > 0 ? { key, rejected } : { key };
        }
      } catch (error) {
        // A document gone since the run (removed or renamed) offers nothing.
        if (!(error instanceof ApiError && error.code === 'not-found')) throw error;
        documents[index] = { key };
      }
    };
    // Accepting a possible new stakeholder: one document at a time until one has made its register
    // entry (two at once would make two), then several at a time.
    const makesEntry = group.newStakeholder !== undefined && decision === 'accept';
    let first = 0;
    while (first < targets.length && (first === 0 || (makesEntry && !entry))) {
      await decideIn(targets[first]!, first);
      if (group.newStakeholder) entry ??= this.#registered(group.newStakeholder.name);
      first++;
    }
    await forEachLimited(targets.slice(first), DOCUMENTS_IN_FLIGHT, (key, i) => decideIn(key, i + first));
    const made = decision === 'accept' ? 'accepted' : 'rejected';
    await this.#record(id, (entry) => {
      for (const key of targets) entry.documents[key] = made;
    });
    const added = registered === undefined && decision === 'accept' ? entry : undefined;
    const decided = documents.reduce((n, d) => n + (d.annotations?.length ?? d.rejected?.length ?? 0), 0);
    return {
      id,
      decision: made,
      documents,
      decided,
      ...(added ? { addedStakeholder: added } : {}),
      ...(aliases && aliases.aliases.length > 0 && registered !== undefined ? { addedAliases: aliases } : {}),
    };
  }

  /**
   * Takes a decision back from its result: annotations deleted, rejections taken back, search hits
   * proposed again, the register entry it added removed unless something names it by now.
   */
  async undo({
    id,
    documents,
    addedStakeholder,
    addedAliases,
  }: UndoRequest): Promise<{ id: string; restored: number }> {
    this.project.assertWritable();
    const group = await this.#group(id);
    let restored = 0;
    const reproposed = new Map<string, { start: number; end: number }[]>();
    await forEachLimited(documents, DOCUMENTS_IN_FLIGHT, async ({ key, annotations = [], rejected = [] }) => {
      const gone: Annotation[] = [];
      if (annotations.length > 0) {
        const wanted = new Set(annotations);
        const here = (await this.project.listAnnotations(key)).filter((a) => wanted.has(a.id));
        for (const annotation of here) {
          await this.project.deleteAnnotation(key, annotation.id);
          gone.push(annotation);
        }
      }
      if (rejected.length > 0) restored += (await this.suggestions.unreject(key, rejected)).restored.length;
      restored += gone.length;
      if (group.kind === 'search' && gone.length > 0)
        reproposed.set(
          key,
          gone.map((a) => ({ start: a.target.start, end: a.target.end })),
        );
    });
    if (reproposed.size > 0) await this.suggestions.propose(group.code, group.query ?? '', reproposed);
    if (addedStakeholder) await this.#removeIfUnused(addedStakeholder);
    if (addedAliases) await this.#removeAliases(addedAliases.stakeholderId, addedAliases.aliases);
    await this.#record(id, (entry) => {
      for (const { key } of documents) delete entry.documents[key];
    });
    return { id, restored };
  }

  async skip(id: string, skipped: boolean): Promise<{ id: string; skipped: boolean }> {
    this.project.assertWritable();
    await this.#group(id);
    await this.#record(id, (entry) => {
      if (skipped) entry.skipped = true;
      else delete entry.skipped;
    });
    return { id, skipped };
  }

  /**
   * The register entry the group's mentions go to, with the group's short forms among its aliases:
   * a new entry for a possible new stakeholder (name, kind and aliases at once), else the aliases
   * it lacks added. Returns the entry and the aliases added to an existing one.
   */
  async #withAliases(
    group: StoredGroup,
    registered: string | undefined,
  ): Promise<{ stakeholderId: string; aliases: string[] }> {
    const wanted = group.aliases ?? [];
    if (registered === undefined) {
      const { name, kind } = group.newStakeholder ?? { name: group.label, kind: 'person' as const };
      const added = await this.project.stakeholders.add({ name, kind, aliases: wanted });
      return { stakeholderId: added.id, aliases: [] };
    }
    const entry = this.project.info().stakeholders.find((s) => s.id === registered);
    const known = new Set([entry?.name ?? '', ...(entry?.aliases ?? [])].map(foldName));
    const missing = wanted.filter((alias) => !known.has(foldName(alias)));
    if (entry && missing.length > 0)
      await this.project.stakeholders.update(registered, { aliases: [...entry.aliases, ...missing] });
    return { stakeholderId: registered, aliases: entry ? missing : [] };
  }

  async #removeIfUnused(id: string): Promise<void> {
    try {
      await this.project.deleteStakeholder(id);
    } catch (error) {
      // Tagged meanwhile (conflict) or already gone (not-found): the register stays as it is.
      if (!(error instanceof ApiError) || (error.code !== 'conflict' && error.code !== 'not-found'))
        throw error;
    }
  }

  /** Takes aliases a decision added off the entry again (those still there; the entry may be gone). */
  async #removeAliases(id: string, aliases: readonly string[]): Promise<void> {
    const entry = this.project.info().stakeholders.find((s) => s.id === id);
    if (!entry) return;
    const gone = new Set(aliases.map(foldName));
    const kept = entry.aliases.filter((alias) => !gone.has(foldName(alias)));
    if (kept.length !== entry.aliases.length) await this.project.stakeholders.update(id, { aliases: kept });
  }

  #registered(name: string): string | undefined {
    return registerIdsByName(this.project.info().stakeholders).get(foldName(name));
  }

  async #group(id: string): Promise<StoredGroup> {
    const group = (await this.#stored()).groups.find((g) => g.id === id);
    if (!group) {
      throw new ApiError(
        'not-found',
        `The review queue has no group ${id}: look for suggestions in all documents again`,
      );
    }
    return group;
  }

  async #record(id: string, change: (entry: ReviewDecisionsFile['groups'][string]) => void): Promise<void> {
    const { builtAt } = await this.#stored();
    const store = await this.#decisionsStore();
    await store.update((file) => {
      if (file.builtAt !== builtAt) Object.assign(file, { builtAt, groups: {} });
      const entry = file.groups[id] ?? { documents: {} };
      change(entry);
      file.groups[id] = entry;
    });
  }

  async #stored(): Promise<{ builtAt: string | null; groups: StoredGroup[] }> {
    if (this.#unsaved) return this.#unsaved;
    const store = await this.#queueStore();
    if (store.problem) throw store.problem;
    return store.data;
  }

  async #decided(builtAt: string): Promise<ReviewDecisionsFile['groups']> {
    const store = await this.#decisionsStore();
    if (store.problem) throw store.problem;
    return store.data.builtAt === builtAt ? store.data.groups : {};
  }

  #queueStore() {
    const path = this.project.layout.reviewQueueFile(this.project.annotator);
    this.#queue ??= JsonStore.open(
      { ...this.#fileOptions(path), schema: ReviewQueueFileSchema },
      newReviewQueueFile(this.project.annotator),
    );
    return this.#queue;
  }

  #decisionsStore() {
    const path = this.project.layout.reviewDecisionsFile(this.project.annotator);
    this.#decisions ??= JsonStore.open(
      { ...this.#fileOptions(path), schema: ReviewDecisionsFileSchema },
      newReviewDecisionsFile(this.project.annotator, null),
    );
    return this.#decisions;
  }

  #fileOptions(path: string) {
    const { layout, readOnly } = this.project;
    return { path, displayName: layout.display(path), migrate: migrateReviewFile, readOnly };
  }
}
