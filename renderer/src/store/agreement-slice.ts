import { agreementCsv, namedAgreement } from '../../../shared/analysis/agreement-report';
import type { AgreementDisagreements, AgreementResult, PairAgreement } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import { type Fetched, fetchedAnswer, NOT_FETCHED } from './fetched-answer';
import type { SliceCreator } from './slice';

/** The pair measures the matrix can show, in the order of its choice and the per-code table's columns. */
export const PAIR_MEASURES = ['f1', 'kappa', 'alpha', 'tokenKappa', 'tokenAlpha', 'alphaU'] as const;
export type PairMeasure = (typeof PAIR_MEASURES)[number] & keyof PairAgreement;

export interface AgreementPair {
  a: string;
  b: string;
}

/** What a list of disagreements was asked for: a pair, one code or every code (null). */
export interface DisagreementsAsked extends AgreementPair {
  code: string | null;
  doneOnly: boolean;
}

export interface AgreementSlice {
  agreement: Fetched<AgreementResult, { doneOnly: boolean }>;
  /** Count only documents both (all) annotators marked done. */
  agreementDoneOnly: boolean;
  setAgreementDoneOnly(doneOnly: boolean): Promise<void>;
  refreshAgreement(): Promise<void>;
  /** The measure the pairs matrix shows. */
  agreementMeasure: PairMeasure;
  setAgreementMeasure(measure: PairMeasure): void;
  /** The pair whose per-code table is shown; null: the first pair of the answer. */
  agreementPair: AgreementPair | null;
  chooseAgreementPair(pair: AgreementPair): void;
  /** The disagreements behind the number chosen last; NOT_FETCHED while none is chosen. */
  disagreements: Fetched<AgreementDisagreements, DisagreementsAsked>;
  showDisagreements(asked: AgreementPair & { code: string | null }): Promise<void>;
  closeDisagreements(): void;
  /**
   * Opens the article at one passage of the disagreements shown, in the reader's side-by-side
   * view with the pair as its columns (a on the left), the passage selected and in view.
   */
  openDisagreement(passage: { key: string; annotationId: string }): Promise<void>;
  /** The agreement as `gloss agreement --csv` prints it (codes by name). */
  agreementCsvText(): string;
  /** Forgets the answers (another project was opened); the choices stay. */
  clearAgreement(): void;
}

/**
 * Agreement is the server's, read across the whole project: asked when the view is first shown
 * with no answer, on Refresh and when "only documents both marked done" changes, never edit by
 * edit. The disagreements are asked for one number at a time, when it is clicked. Requests go
 * one at a time and the newest wins (fetched-answer.ts).
 */
export const createAgreementSlice =
  (client: GlossClient): SliceCreator<AgreementSlice> =>
  (set, get) => {
    const agreement = fetchedAnswer<AgreementResult, { doneOnly: boolean }>(
      ({ doneOnly }) => client.agreement({ doneOnly }),
      (changes) => set((s) => ({ agreement: { ...s.agreement, ...changes } })),
    );
    const disagreements = fetchedAnswer<AgreementDisagreements, DisagreementsAsked>(
      ({ a, b, code, doneOnly }) =>
        client.agreementDisagreements({ a, b, doneOnly, ...(code === null ? {} : { code }) }),
      (changes) => set((s) => ({ disagreements: { ...s.disagreements, ...changes } })),
    );
    return {
      agreement: NOT_FETCHED,
      agreementDoneOnly: false,
      async setAgreementDoneOnly(agreementDoneOnly) {
        set({ agreementDoneOnly });
        const shown = get().disagreements.asked;
        await Promise.all([
          get().refreshAgreement(),
          // The list on screen follows the documents counted.
          shown ? disagreements.fetch({ ...shown, doneOnly: agreementDoneOnly }) : undefined,
        ]);
      },
      refreshAgreement: () => agreement.fetch({ doneOnly: get().agreementDoneOnly }),
      agreementMeasure: 'kappa',
      setAgreementMeasure: (agreementMeasure) => set({ agreementMeasure }),
      agreementPair: null,
      chooseAgreementPair: (agreementPair) => set({ agreementPair }),
      disagreements: NOT_FETCHED,
      showDisagreements: ({ a, b, code }) => {
        set({ agreementPair: { a, b } });
        return disagreements.fetch({ a, b, code, doneOnly: get().agreementDoneOnly });
      },
      closeDisagreements() {
        disagreements.forget();
        set({ disagreements: NOT_FETCHED });
      },
      async openDisagreement(passage) {
        const pair = get().disagreements.answer;
        if (pair) get().setReaderView({ view: 'side-by-side', left: pair.a, right: pair.b });
        await get().goToPassage(passage);
      },
      agreementCsvText() {
        const { agreement: fetched, project } = get();
        if (!fetched.answer || !project) return '';
        return agreementCsv(namedAgreement(fetched.answer, project.codebook));
      },
      clearAgreement() {
        agreement.forget();
        disagreements.forget();
        set({ agreement: NOT_FETCHED, disagreements: NOT_FETCHED, agreementPair: null });
      },
    };
  };
