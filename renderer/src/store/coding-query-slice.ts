import { codePointOffsets } from '../../../shared/analysis/code-point-offsets';
import type { QueryCondition } from '../../../shared/analysis/coding-query';
import { queryHtml, queryMarkdown } from '../../../shared/analysis/query-document';
import { namedQueryPassages, queryCsv } from '../../../shared/analysis/query-report';
import type { NamedQuery } from '../../../shared/analysis/query-words';
import type { CodingQueryResult } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import type { DocumentStatus } from '../../../shared/model/document';
import { type Fetched, fetchedAnswer, NOT_FETCHED } from './fetched-answer';
import type { GlossState, SliceCreator } from './slice';

/** The coding query as the form holds it; empty strings are limits not set. */
export interface CodingQueryForm {
  codes: string[];
  conditions: QueryCondition[];
  annotator: string;
  statuses: DocumentStatus[];
  /** A key prefix ending in "/"; "" for every folder. */
  folder: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

export type QueryExportFormat = 'csv' | 'markdown' | 'html';

export interface CodingQuerySlice {
  codingQueryForm: CodingQueryForm;
  setCodingQueryForm(changes: Partial<CodingQueryForm>): void;
  /** The last answer, with the form it was asked with. */
  codingQuery: Fetched<CodingQueryResult, CodingQueryForm>;
  /** Asks with the form as it is; resolves once the newest request is answered. Nothing without a code. */
  runCodingQuery(): Promise<void>;
  /** The last answer as `gloss query` writes it with --csv, --markdown or --html; `made` is the day, YYYY-MM-DD. */
  codingQueryExport(format: QueryExportFormat, made: string): Promise<string>;
  clearCodingQuery(): void;
}

const EMPTY_FORM: CodingQueryForm = {
  codes: [],
  conditions: [],
  annotator: '',
  statuses: [],
  folder: '',
  from: '',
  to: '',
};

/** The query a form asks, by the codebook's and the register's names, for the head of a report. */
export function namedQuery(form: CodingQueryForm, state: Pick<GlossState, 'project'>): NamedQuery {
  const codes = new Map(state.project?.codebook.codes.map((c) => [c.id, c.name]));
  const stakeholders = new Map(state.project?.stakeholders.map((s) => [s.id, s.name]));
  return {
    codes: form.codes.map((id) => codes.get(id) ?? id),
    conditions: form.conditions.map(({ code, stakeholderId, rule, not }) => ({
      ...(code ? { code: codes.get(code) ?? code } : { stakeholder: stakeholders.get(stakeholderId!) }),
      rule,
      ...(not ? { not } : {}),
    })),
    ...(form.annotator.trim() ? { annotator: form.annotator.trim() } : {}),
    ...(form.statuses.length ? { statuses: form.statuses } : {}),
    ...(form.folder ? { folder: form.folder } : {}),
    ...(form.from ? { from: form.from } : {}),
    ...(form.to ? { to: form.to } : {}),
  };
}

/**
 * The coding query is the server's, read across the whole project: the form changes nothing
 * until it is run (or the view is first shown with codes chosen), and the answer shown says
 * what it was asked with. Requests go one at a time and the newest wins.
 */
export const createCodingQuerySlice =
  (client: GlossClient): SliceCreator<CodingQuerySlice> =>
  (set, get) => {
    const query = fetchedAnswer(
      (form: CodingQueryForm) =>
        client.codingQuery({
          codes: form.codes,
          conditions: form.conditions,
          ...(form.annotator.trim() ? { annotator: form.annotator.trim() } : {}),
          ...(form.statuses.length ? { statuses: form.statuses } : {}),
          ...(form.folder ? { folder: form.folder } : {}),
          ...(form.from ? { from: form.from } : {}),
          ...(form.to ? { to: form.to } : {}),
        }),
      (changes) => set((s) => ({ codingQuery: { ...s.codingQuery, ...changes } })),
    );
    return {
      codingQueryForm: EMPTY_FORM,
      setCodingQueryForm: (changes) =>
        set((s) => ({ codingQueryForm: { ...s.codingQueryForm, ...changes } })),
      codingQuery: NOT_FETCHED,
      async runCodingQuery() {
        const form = get().codingQueryForm;
        if (form.codes.length === 0) return;
        await query.fetch(form);
      },
      async codingQueryExport(format, made) {
        const { codingQuery, project } = get();
        if (!codingQuery.answer || !codingQuery.asked || !project) return '';
        const report = await namedQueryPassages(
          codingQuery.answer,
          project.codebook,
          codePointOffsets(client),
        );
        if (format === 'csv') return queryCsv(report);
        const write = format === 'html' ? queryHtml : queryMarkdown;
        return write(report, namedQuery(codingQuery.asked, get()), made);
      },
      clearCodingQuery() {
        query.forget();
        set({ codingQuery: NOT_FETCHED, codingQueryForm: EMPTY_FORM });
      },
    };
  };
