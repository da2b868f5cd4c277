import { basename } from 'node:path';
import type { ApiEvent, GlossHandlers } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import { subtreeIds } from '../../shared/model/codebook-tree';
import { withNeverSuggest, withoutNeverSuggest } from '../../shared/model/suggestion-rules';
import { OPERATION_NAMES } from '../../shared/operations';
import { agreementDisagreements } from '../agreement/disagreements';
import { projectAgreement } from '../agreement/project-agreement';
import { AnalysisCorpus } from '../analysis/analysis-corpus';
import { codeFrequencies } from '../analysis/code-frequencies';
import { codingQuery } from '../analysis/coding-query';
import { cooccurrenceMatrix } from '../analysis/cooccurrence-matrix';
import { figuresTable } from '../analysis/figures-table';
import { timeline } from '../analysis/timeline';
import { CurationLayer } from '../curation/curation-layer';
import { OfferedImports } from '../exchange/offered-import';
import { annotatorName } from '../project/annotator';
import { countAnnotationsByCode } from '../project/code-usage';
import { Project } from '../project/project';
import { stakeholderProfile } from '../project/stakeholder-profile';
import { type ProjectWatcher, watchProject } from '../project/watch-project';
import { CorpusSearch } from '../search/corpus-search';
import type { AnnotatorIdentity } from '../settings/annotator-identity';
import { searchProposalCounts } from '../suggestions/proposal-counts';
import { proposeSearchTags } from '../suggestions/propose-search-tags';
import { SuggestionReview } from '../suggestions/review-queue';
import { SuggestionJobRunner } from '../suggestions/suggestion-job';
import { suggestionStats } from '../suggestions/suggestion-stats';
import { Suggestions } from '../suggestions/suggestions';

export interface GlossServiceOptions {
  /** Whose annotations edits are saved as; defaults to GLOSS_ANNOTATOR or the OS user. */
  annotator?: string;
  /**
   * Whether the screens may open another folder through the API. The desktop shell opens
   * folders from its own dialog; the browser host serves the one folder it was started on.
   */
  allowOpenProject?: boolean;
  /**
   * Whether to watch the open folder and send documentsChanged when articles appear, go or change
   * on disk (default true). The watcher never keeps the process alive on its own.
   */
  watchFolder?: boolean;
  /** Opens every project only to read it (`gloss info`, `suggest`, `export`): every edit is refused. */
  readOnly?: boolean;
  /**
   * Whether an export may name a path of the computer (`out`) to write to. Only the command line,
   * run by the researcher, may; the screens' exports stay inside the project.
   */
  allowExportOutside?: boolean;
  /**
   * The user's settings, which keep the name they chose (main/settings/): the desktop app and
   * `gloss serve` give them, so the screens ask the name on first start and can change it.
   * Without them (tests, the command line) the name is `annotator`, GLOSS_ANNOTATOR or the OS
   * user, as before, and cannot be changed from the screens. `annotator` wins over them.
   */
  identity?: AnnotatorIdentity;
}

export interface GlossService extends GlossHandlers {
  /** Opens a folder as the current project (used by the desktop menu and the CLI). */
  open(path: string): Promise<Project>;
  readonly project: Project | undefined;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  /**
   * Offers a file the researcher opened with Gloss (the desktop's .qdpx association) to the
   * screens' Import dialog, and tells them; `takeOfferedImport` hands it over once.
   */
  offerImport(path: string): void;
  /**
   * Stops watching the open folder and cancels its background job; resolves once nothing more is
   * written into the folder (the search index still waiting is written first). The service answers on.
   */
  close(): Promise<void>;
}

/** The one implementation of shared/api.ts: a session holding the currently open project. */
export function createGlossService(options: GlossServiceOptions = {}): GlossService {
  let current:
    | {
        project: Project;
        suggestions: Suggestions;
        job: SuggestionJobRunner;
        review: SuggestionReview;
        watcher?: ProjectWatcher;
        search: CorpusSearch;
        analysis: AnalysisCorpus;
        curation: CurationLayer;
      }
    | undefined;
  const listeners = new Set<(event: ApiEvent) => void>();
  const running = new Set<Promise<unknown>>();
  const emit = (event: ApiEvent) => {
    for (const listener of listeners) listener(event);
  };
  const opened = () => {
    if (!current) throw new ApiError('no-project', 'No project is open. Open a folder of articles first.');
    return current;
  };
  const project = (): Project => opened().project;
  const identity = options.annotator === undefined ? options.identity : undefined;

  const offered = new OfferedImports();

  const service: GlossService = {
    get project() {
      return current?.project;
    },
    offerImport(path) {
      offered.offer(path);
      emit({ type: 'importOffered', payload: { name: basename(path) } });
    },
    async open(path) {
      const as = identity
        ? await identity.openAs(path, options.readOnly ?? false)
        : { annotator: options.annotator, readOnly: options.readOnly };
      const next = await Project.open(path, as);
      current?.job.cancel();
      void current?.watcher?.close();
      // The project left behind keeps its index and text units for next time.
      void current?.search.close();
      void current?.analysis.close();
      const suggestions = new Suggestions(next);
      const review = new SuggestionReview(next, suggestions);
      const job = new SuggestionJobRunner(next, suggestions, review, (state) => {
        // A run of a project since closed reports nothing.
        if (current?.project === next) emit({ type: 'suggestionJob', payload: state });
      });
      const watcher =
        options.watchFolder === false
          ? undefined
          : watchProject(
              next,
              (keys) => {
                if (current?.project !== next) return;
                current.search.changed(keys);
                current.analysis.changed(keys);
                emit({ type: 'documentsChanged', payload: { keys } });
              },
              (message) => console.warn(`Gloss: ${message}`),
            );
      const analysis = new AnalysisCorpus(next, {
        told: watcher !== undefined,
        unitsFile: next.layout.textUnitsFile,
        digestsFile: next.layout.annotationDigestsFile,
        readOnly: next.readOnly,
      });
      current = {
        project: next,
        suggestions,
        job,
        review,
        watcher,
        search: new CorpusSearch(next, {
          indexFile: next.layout.searchIndexFile,
          readOnly: next.readOnly,
          told: watcher !== undefined,
        }),
        analysis,
        // The analyses hear of a curated file saved at once, not only when the watcher sees it.
        curation: new CurationLayer(next, analysis, (keys) => analysis.changed(keys)),
      };
      emit({ type: 'projectOpened', payload: next.info() });
      return next;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      current?.job.cancel();
      // Requests still running may yet write into .gloss/ (a listing saves its cache): they end first.
      return Promise.all([
        current?.watcher?.close(),
        current?.search.close(),
        current?.analysis.close(),
        Promise.allSettled([...running]),
      ]).then(() => {});
    },

    getProject: async () => project().info(),
    openProject: async ({ path }) => {
      if (!options.allowOpenProject) {
        throw new ApiError(
          'forbidden',
          'This window serves one project; open another folder from the desktop app or the command line.',
        );
      }
      return (await service.open(path)).info();
    },
    listDocuments: async () => {
      const { project, analysis } = opened();
      // The screens list the documents first: the analyses start from that list.
      const since = analysis.news;
      const edits = project.listedFieldEdits;
      // A first listing of PDFs and Word files takes a while: the screens show how far it got.
      const list = await project.listDocuments((progress) =>
        emit({ type: 'extractionProgress', payload: progress }),
      );
      analysis.listed(list.documents, since, edits);
      return list;
    },
    getDocument: ({ key }) => project().getDocument(key),
    openDocument: async ({ key }) => {
      const { document, annotations, relations } = await project().openDocument(key);
      return { document, annotations, relations };
    },
    setDocumentStatus: ({ key, status }) => project().setDocumentStatus(key, status),
    setDocumentNote: ({ key, note }) => project().setDocumentNote(key, note),
    setDocumentDate: ({ key, date }) => project().setDocumentDate(key, date),

    listAnnotations: ({ key }) => project().listAnnotations(key),
    createAnnotation: (request) => project().createAnnotation(request),
    updateAnnotation: ({ key, id, changes }) => project().updateAnnotation(key, id, changes),
    deleteAnnotation: ({ key, id }) => project().deleteAnnotation(key, id),
    reattachOrphan: ({ key, id, start, end }) => project().reattachOrphan(key, id, start, end),
    deleteOrphan: ({ key, id }) => project().deleteOrphan(key, id),
    restoreOrphan: ({ key, orphan, relations }) => project().restoreOrphan(key, orphan, relations),

    addCode: (request) => project().codebook.add(request),
    updateCode: ({ id, changes }) => project().codebook.update(id, changes),
    moveCode: ({ id, parentId, index }) => project().codebook.move(id, parentId, index),
    deleteCode: ({ id, annotations }) => project().deleteCode(id, annotations),

    addStakeholder: (request) => project().stakeholders.add(request),
    updateStakeholder: ({ id, changes }) => project().stakeholders.update(id, changes),
    deleteStakeholder: ({ id }) => project().deleteStakeholder(id),
    mergeStakeholders: ({ from, into }) => project().mergeStakeholders(from, into),
    countMentions: () => project().countMentions(),
    countAnnotationsByCode: async () => Object.fromEntries(await countAnnotationsByCode(project().layout)),
    updateSettings: (changes) => project().updateSettings(changes),
    // Suggestion rules: shared/model/suggestion-rules.ts, kept in project.json's settings.
    addNeverSuggest: (entry) =>
      project().updateSettings((s) => ({ neverSuggest: withNeverSuggest(s.neverSuggest, entry) })),
    removeNeverSuggest: (entry) =>
      project().updateSettings((s) => ({ neverSuggest: withoutNeverSuggest(s.neverSuggest, entry) })),

    // Suggestions: main/suggestions/.
    listSuggestions: ({ key }) => opened().suggestions.list(key, { acceptByRule: true }),
    suggestionStats: () => suggestionStats(project()),
    acceptSuggestions: ({ key, ids }) => opened().suggestions.accept(key, ids),
    rejectSuggestions: ({ key, ids }) => opened().suggestions.reject(key, ids),
    unrejectSuggestions: ({ key, ids }) => opened().suggestions.unreject(key, ids),
    proposeSearchTags: (request) =>
      proposeSearchTags(project(), opened().suggestions, service.searchCorpus, request, (progress) =>
        emit({ type: 'proposalProgress', payload: progress }),
      ),
    searchProposals: () => searchProposalCounts(project(), opened().suggestions),
    startSuggestionJob: async () => opened().job.start(),
    cancelSuggestionJob: async () => opened().job.cancel(),
    getSuggestionJob: async () => opened().job.state,
    // The review queue: main/suggestions/review-queue.ts.
    getReviewQueue: () => opened().review.get(),
    decideSuggestionGroup: ({ id, decision, keys }) => opened().review.decide(id, decision, keys),
    undoSuggestionGroup: (request) => opened().review.undo(request),
    skipSuggestionGroup: ({ id, skipped }) => opened().review.skip(id, skipped),

    // Relations (issue 4): main/project/relations.ts.
    listRelations: ({ key }) => project().listRelations(key),
    createRelation: (request) => project().createRelation(request),
    updateRelation: ({ key, id, changes }) => project().updateRelation(key, id, changes),
    deleteRelation: ({ key, id }) => project().deleteRelation(key, id),
    addRelationType: (request) => project().relationTypes.add(request),
    updateRelationType: ({ id, changes }) => project().relationTypes.update(id, changes),
    deleteRelationType: ({ id }) => project().relationTypes.delete(id),

    // The stakeholder's page (issue 4).
    stakeholderProfile: ({ id }) => stakeholderProfile(project(), id),

    // Corpus search: main/search/.
    searchCorpus: ({ insideCode, ...request }) => {
      const { project, search } = opened();
      if (insideCode !== undefined && request.uncoded)
        throw new ApiError(
          'bad-request',
          'A search keeps hits inside a code or hits not yet coded, not both.',
        );
      const { codebook } = project.info();
      if (insideCode !== undefined && !codebook.codes.some((c) => c.id === insideCode))
        throw new ApiError('not-found', `No code has the id ${insideCode}.`);
      const insideCodes = insideCode === undefined ? undefined : subtreeIds(codebook, insideCode);
      return search.search({ ...request, insideCodes }, (progress) =>
        emit({ type: 'searchProgress', payload: { query: request.query, ...progress } }),
      );
    },
    cancelSearch: async () => ({ cancelled: current?.search.cancel() ?? false }),

    // Analysis: main/analysis/.
    cooccurrenceMatrix: ({ by, annotator }) => cooccurrenceMatrix(opened().analysis, by, { annotator }),
    codingQuery: ({ codes, conditions, ...scope }) =>
      codingQuery(opened().analysis, { codes, conditions }, scope),
    codeFrequencies: ({ annotator }) => codeFrequencies(opened().analysis, { annotator }),
    figuresTable: ({ annotator }) => figuresTable(opened().analysis, { annotator }),
    timeline: async ({ interval, annotator }) => {
      const { analysis } = opened();
      return timeline(await analysis.documents(), analysis.info().codebook, { interval, annotator });
    },
    agreement: ({ annotators, codes, doneOnly }) =>
      projectAgreement(opened().analysis, { annotators, codes, doneOnly }),
    agreementDisagreements: ({ a, b, code, doneOnly }) =>
      agreementDisagreements(opened().analysis, { a, b, code, doneOnly }),

    // The curated layer: main/curation/.
    takeAgreed: ({ a, b, doneOnly }) => opened().curation.takeAgreed(a, b, doneOnly),
    curate: (request) => opened().curation.curate(request),
    uncurate: (request) => opened().curation.uncurate(request),
    removeCurated: ({ key, ids }) => opened().curation.removeCurated(key, ids),
    curationState: ({ a, b, code, doneOnly }) => opened().curation.state(a, b, { code, doneOnly }),

    // Exchange: main/exchange/, loaded on first use, since the formats' libraries take a moment
    // to load and most calls (and `gloss info`) never need them.
    exportFormats: async () => (await import('../exchange/run-export')).exportFormatList(),
    importFormats: async () => (await import('../exchange/import-from-screens')).importFormatList(),
    takeOfferedImport: () => offered.take(),
    importFiles: async (request) =>
      (await import('../exchange/import-from-screens')).importFromScreens(project(), request),
    exportDataset: async (request) => {
      if (request.out !== undefined && !options.allowExportOutside)
        throw new ApiError('forbidden', 'Exports from the screens are written inside the project.');
      const { runExport } = await import('../exchange/run-export');
      return runExport(project(), request, (done, total) =>
        emit({ type: 'exportProgress', payload: { done, total } }),
      );
    },

    // Who annotates: main/settings/annotator-identity.ts.
    getAnnotator: async () => {
      if (identity) return identity.describe(current?.project);
      const name = current?.project.annotator ?? annotatorName(options.annotator);
      const fixedBy =
        options.annotator === undefined && process.env.GLOSS_ANNOTATOR ? 'GLOSS_ANNOTATOR' : 'caller';
      return { name, suggested: name, chosen: true, fixedBy, taken: null, settingsFolder: null };
    },
    setAnnotator: async ({ name, sameAnnotator }) => {
      if (!identity)
        throw new ApiError(
          'forbidden',
          'This Gloss was started with a fixed annotator name; it cannot be changed here.',
        );
      await identity.choose(current?.project.root, name, sameAnnotator ?? false);
      // Reopened as the new annotator: the screens follow projectOpened as after any open.
      if (current) await service.open(current.project.root);
      return identity.describe(current?.project);
    },
  };
  return countingRequests(service, running);
}

/**
 * The service with each operation's promise kept in `running` until it settles, so `close()`
 * can wait for what the screens asked last (a reload lists the documents, which saves the
 * listing's cache) instead of the folder being written after it was closed.
 */
function countingRequests(service: GlossService, running: Set<Promise<unknown>>): GlossService {
  for (const name of OPERATION_NAMES) {
    const handler = service[name] as (request: unknown) => Promise<unknown>;
    (service as unknown as Record<string, (request: unknown) => Promise<unknown>>)[name] = (request) => {
      const run = Promise.resolve(handler.call(service, request));
      running.add(run);
      run.then(
        () => running.delete(run),
        () => running.delete(run),
      );
      return run;
    };
  }
  return service;
}
