import type { AnalysedAnnotation } from '../../shared/analysis/analysed-annotation';
import type {
  CurateResult,
  CurationItem,
  CurationItemState,
  CurationState,
  RemoveCuratedResult,
  TakeAgreedResult,
  UncurateResult,
} from '../../shared/api-curation';
import { ApiError } from '../../shared/api-error';
import { compareAnnotations } from '../../shared/compare';
import { codeUseProblem } from '../../shared/model/annotation-rules';
import {
  CURATION_ANNOTATOR,
  type CurationDecision,
  type CurationDecisionKind,
  type EditedPassage,
  isReservedAnnotatorName,
} from '../../shared/model/curation';
import { targetFor } from '../../shared/text/quote';
import { agreementDisagreements } from '../agreement/disagreements';
import { bothWorkedOn } from '../agreement/worked-on';
import type { AnalysisCorpus } from '../analysis/analysis-corpus';
import type { AnnotationFile } from '../project/annotation-files-schema';
import { type Clock, systemClock } from '../project/clock';
import type { OwnStores } from '../project/own-stores';
import type { Project } from '../project/project';
import {
  applyDecision,
  decidesAlike,
  decisionOf,
  fieldsOf,
  findSamePassage,
  removeAnnotations,
  type SourcePassage,
  takePassage,
  withdrawDecision,
} from './curated-file';

/** One disagreement as a curate request names it: the two annotators and their passages' ids. */
export interface DisagreementRef {
  key: string;
  a: string;
  b: string;
  aId?: string;
  bId?: string;
}

export interface CurateRequest extends DisagreementRef {
  decision: CurationDecisionKind;
  edited?: EditedPassage;
}

/**
 * The curated layer of a project: the annotation files of the reserved annotator `curation`
 * (shared/model/curation.ts), written by whoever is curating (the project's annotator, recorded as
 * `by`), through open files saved like an annotator's own (OwnStores: the file's lock, catch-up
 * with what another process saved, re-attaching after the article changed). Which passages are
 * agreed or disagreed is shared/compare/'s, over the documents `agreement` counts for the pair.
 */
export class CurationLayer {
  readonly #stores: OwnStores;

  constructor(
    private readonly project: Project,
    private readonly corpus: AnalysisCorpus,
    /** Told of every document whose curated file was saved, so the analyses read it again. */
    private readonly onSaved: (keys: string[]) => void = () => {},
    private readonly clock: Clock = systemClock,
  ) {
    this.#stores = project.storesUnderName(CURATION_ANNOTATOR);
  }

  async takeAgreed(a: string, b: string, doneOnly = false): Promise<TakeAgreedResult> {
    checkCompared(a, b);
    this.#stores.assertWritable();
    const byDocument: TakeAgreedResult['byDocument'] = [];
    const saved: string[] = [];
    try {
      for (const document of await this.corpus.documents()) {
        const ofA = document.annotations.filter((x) => x.author === a);
        const ofB = document.annotations.filter((x) => x.author === b);
        if (!bothWorkedOn(document, a, b, ofA, ofB, doneOnly)) continue;
        const agreed = compareAnnotations(ofA, ofB).pairs.flatMap((pair) =>
          pair.kind === 'agreed' ? [pair] : [],
        );
        if (agreed.length === 0) continue;
        const key = document.summary.key;
        const loaded = await this.project.text(key);
        const current = await this.#current(key, loaded);
        const ids: string[] = [];
        if (agreed.some((pair) => !current || !findSamePassage(current, fieldsOf(pair.a)))) {
          const at = this.clock.now();
          await this.#stores.edit(
            key,
            (file) => {
              ids.length = 0;
              for (const pair of agreed) {
                const provenance = {
                  from: [
                    { annotator: a, id: pair.a.id },
                    { annotator: b, id: pair.b.id },
                  ],
                  by: this.project.annotator,
                  at,
                  decision: 'agreed' as const,
                };
                const taken = takePassage(file, loaded.text, fieldsOf(pair.a), provenance);
                if (taken.added) ids.push(taken.annotation.id);
              }
            },
            loaded,
          );
          saved.push(key);
        }
        byDocument.push({ key, agreed: agreed.length, added: ids.length, ids });
      }
    } finally {
      if (saved.length > 0) this.onSaved(saved);
    }
    return { a, b, doneOnly, added: byDocument.reduce((n, d) => n + d.added, 0), byDocument };
  }

  async curate(request: CurateRequest): Promise<CurateResult> {
    const { key, a, b, decision } = request;
    checkCompared(a, b);
    this.#stores.assertWritable();
    const sides = await this.#sides(request);
    // Taking one side where only the other marked a passage is that side's reading: nothing there.
    if (decision === 'both' && !sides.a)
      throw new ApiError('bad-request', `Taking both passages needs ${a}'s id (aId)`);
    if (decision === 'both' && !sides.b)
      throw new ApiError('bad-request', `Taking both passages needs ${b}'s id (bId)`);
    const loaded = await this.project.text(key);
    const edited = request.edited && this.#checkedEdit(request.edited, sides, loaded.text);
    const record: CurationDecision = {
      a: { annotator: a, id: request.aId ?? null },
      b: { annotator: b, id: request.bId ?? null },
      decision,
      ...(request.edited ? { edited: request.edited } : {}),
      by: this.project.annotator,
      at: this.clock.now(),
      annotations: [],
    };
    const current = await this.#current(key, loaded);
    const already = decisionOf(current, record.a, record.b);
    if (already && current && decidesAlike(already, record)) {
      const annotations = current.annotations.filter((x) => already.annotations.includes(x.id));
      return { key, decision: already, annotations, previous: already, changed: false };
    }
    let result: Omit<CurateResult, 'key' | 'changed'> | undefined;
    await this.#stores.edit(
      key,
      (file) => {
        result = applyDecision(file, loaded.text, record, sides, edited);
      },
      loaded,
    );
    this.onSaved([key]);
    return { key, ...result!, changed: true };
  }

  async uncurate(request: DisagreementRef): Promise<UncurateResult> {
    const { key, a, b } = request;
    checkCompared(a, b);
    this.#stores.assertWritable();
    const sideA = { annotator: a, id: request.aId ?? null };
    const sideB = { annotator: b, id: request.bId ?? null };
    const loaded = await this.project.text(key);
    if (!decisionOf(await this.#current(key, loaded), sideA, sideB))
      return { key, previous: null, removed: [] };
    let result: Omit<UncurateResult, 'key'> = { previous: null, removed: [] };
    await this.#stores.edit(key, (file) => {
      result = withdrawDecision(file, sideA, sideB);
    });
    this.onSaved([key]);
    return { key, ...result };
  }

  async removeCurated(key: string, ids: readonly string[]): Promise<RemoveCuratedResult> {
    this.#stores.assertWritable();
    const loaded = await this.project.text(key);
    const wanted = new Set(ids);
    const current = await this.#current(key, loaded);
    if (!current?.annotations.some((x) => wanted.has(x.id))) return { key, removed: [] };
    let removed: RemoveCuratedResult['removed'] = [];
    await this.#stores.edit(key, (file) => {
      removed = removeAnnotations(file, wanted);
    });
    this.onSaved([key]);
    return { key, removed };
  }

  /** Every disagreement of the pair (touching `code`, if given), with what the curated layer records of it. */
  async state(
    a: string,
    b: string,
    options: { code?: string; doneOnly?: boolean } = {},
  ): Promise<CurationState> {
    checkCompared(a, b);
    const doneOnly = options.doneOnly ?? false;
    const found = await agreementDisagreements(this.corpus, { a, b, code: options.code, doneOnly });
    const counts = zeroCounts();
    const byDocument: CurationState['byDocument'] = [];
    for (const document of found.byDocument) {
      const file = await this.#current(document.key);
      const documentCounts = zeroCounts();
      const items: CurationItem[] = document.disagreements.map((disagreement) => {
        const decision = decisionOf(
          file,
          { annotator: a, id: disagreement.a?.annotationId ?? null },
          { annotator: b, id: disagreement.b?.annotationId ?? null },
        );
        const state: CurationItemState = !decision
          ? 'open'
          : decision.decision === 'skip'
            ? 'skipped'
            : 'decided';
        documentCounts[state] += 1;
        counts[state] += 1;
        return { ...disagreement, state, decision };
      });
      byDocument.push({ key: document.key, title: document.title, counts: documentCounts, items });
    }
    return { a, b, code: found.code, doneOnly, documents: found.documents, counts, byDocument };
  }

  /**
   * The curated file of a document as saved now (another curator's process may have saved it
   * since this one read it), brought up to the article's text when given; undefined if none.
   */
  async #current(
    key: string,
    loaded?: Awaited<ReturnType<Project['text']>>,
  ): Promise<AnnotationFile | undefined> {
    await this.#stores.changedOnDisk(key);
    if (loaded) return this.#stores.upToDate(key, loaded);
    return this.#stores.data(key);
  }

  /** The two passages a request names, each checked to be in its annotator's file of the document. */
  async #sides(request: DisagreementRef): Promise<{ a: SourcePassage | null; b: SourcePassage | null }> {
    const { annotations } = await this.project.openDocument(request.key);
    const find = (annotator: string, id: string | undefined): SourcePassage | null => {
      if (id === undefined) return null;
      const annotation = annotations.find((x) => x.id === id && x.author === annotator);
      if (!annotation)
        throw new ApiError('not-found', `${annotator} has no annotation ${id} in ${request.key}`);
      return { ref: { annotator, id }, annotation };
    };
    return { a: find(request.a, request.aId), b: find(request.b, request.bId) };
  }

  /**
   * The curator's own passage, checked against the text and the codebook. A figure value or a
   * stakeholder goes with it from an annotator's passage of the same code, if there is one.
   */
  #checkedEdit(
    edited: EditedPassage,
    sides: { a: SourcePassage | null; b: SourcePassage | null },
    text: string,
  ) {
    try {
      targetFor(text, edited.start, edited.end);
    } catch (error) {
      throw new ApiError('bad-request', `The edited passage: ${(error as Error).message}`);
    }
    const same: AnalysedAnnotation | undefined = [sides.a, sides.b].find(
      (side) => side?.annotation.code === edited.code,
    )?.annotation;
    const fields = {
      ...edited,
      ...(same?.value ? { value: same.value } : {}),
      ...(same?.stakeholderId ? { stakeholderId: same.stakeholderId } : {}),
    };
    const { codebook, stakeholders } = this.project.info();
    const problem = codeUseProblem(codebook, stakeholders, edited.code, fields);
    if (problem) throw new ApiError(problem.kind, problem.message);
    return fields;
  }
}

function checkCompared(a: string, b: string): void {
  if (isReservedAnnotatorName(a) || isReservedAnnotatorName(b))
    throw new ApiError(
      'bad-request',
      'The curated layer is made from two annotators; it is not one of them.',
    );
}

function zeroCounts(): Record<CurationItemState, number> {
  return { open: 0, decided: 0, skipped: 0 };
}
