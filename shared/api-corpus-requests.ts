/**
 * The requests of the operations that search and analyse the whole project: part of the one
 * contract in shared/api.ts (which spreads them into its `requests`), kept apart as the
 * contract grew. Offsets are UTF-16 code units.
 */
import { z } from 'zod';
import { COOCCURRENCE_RULES } from './analysis/cooccurrence';
import { TIMELINE_INTERVALS } from './analysis/timeline-periods';
import { DocumentStatus } from './model/document';
import { Id } from './model/ids';

export const corpusRequests = {
  /**
   * Finds a query's hits in the text of every document (shared/search/search-query.ts says what
   * a query finds): all are counted, the first `limit` returned as concordance lines.
   */
  searchCorpus: z
    .object({
      query: z.string().trim().min(1).max(10_000),
      limit: z.number().int().nonnegative().max(100_000).default(500),
      /** Hits before this one (in document order) are counted but not returned: the next page. */
      offset: z.number().int().nonnegative().max(100_000_000).default(0),
      /** Only documents under this folder ("news/"), or all. */
      folder: z.string().max(4096).optional(),
      statuses: z.array(DocumentStatus).max(10).optional(),
      /** Only hits inside a passage coded with this code (a group: with any of its codes), by anyone. */
      insideCode: Id.optional(),
      /** Only hits that no annotation touches, by anyone: what is not yet coded. */
      uncoded: z.boolean().optional(),
    })
    .strict(),
  /** Stops the search running now, which then fails with `cancelled`; false if none was running. */
  cancelSearch: z.object({}).strict(),

  /**
   * The stakeholder × concern matrix: concern passages near a register stakeholder's mentions,
   * by overlap, by sentence or by paragraph (shared/analysis/cooccurrence.ts), over every document.
   */
  cooccurrenceMatrix: z
    .object({
      by: z.enum(COOCCURRENCE_RULES),
      /** Only this annotator's annotations; every annotator's when absent. */
      annotator: z.string().min(1).max(100).optional(),
    })
    .strict(),

  /**
   * The coding query: passages coded with any of `codes`, meeting every condition (another code's
   * passage or a stakeholder's mention near it by a rule, or with `not`, none), within a scope.
   */
  codingQuery: z
    .object({
      codes: z.array(Id).min(1).max(100),
      conditions: z
        .array(
          z
            .object({
              code: Id.optional(),
              stakeholderId: Id.optional(),
              rule: z.enum(COOCCURRENCE_RULES),
              not: z.boolean().optional(),
            })
            .strict()
            .refine((c) => (c.code === undefined) !== (c.stakeholderId === undefined), {
              message: 'a condition names a code or a stakeholder, one of the two',
            }),
        )
        .max(20)
        .default([]),
      annotator: z.string().min(1).max(100).optional(),
      statuses: z.array(DocumentStatus).max(10).optional(),
      folder: z.string().max(4096).optional(),
      from: z.string().max(40).optional(),
      to: z.string().max(40).optional(),
    })
    .strict(),
  /** How often each code is used: in all, per document, per folder; documents without a group's codes. */
  codeFrequencies: z.object({ annotator: z.string().min(1).max(100).optional() }).strict(),
  /** Every figure annotation with its value and the stakeholder it describes, and totals by currency or unit. */
  figuresTable: z.object({ annotator: z.string().min(1).max(100).optional() }).strict(),
  /** Annotations per code per day, week, month or year of the documents' dates; undated ones apart. */
  timeline: z
    .object({
      interval: z.enum(TIMELINE_INTERVALS),
      annotator: z.string().min(1).max(100).optional(),
    })
    .strict(),
  /**
   * How far annotators agree: per pair over the documents both worked on, and all together over
   * the documents every one worked on; per code (ids) and over all codes (the README defines each measure).
   */
  agreement: z
    .object({
      annotators: z.array(z.string().min(1).max(100)).min(2).max(50).optional(),
      codes: z.array(Id).min(1).max(1000).optional(),
      doneOnly: z.boolean().optional(),
    })
    .strict(),
  /**
   * The passages behind a pair's agreement: where annotators `a` and `b` differ (shared/compare/'s
   * pairs other than agreed) in each document both worked on; with `code`, the pairs touching it.
   */
  agreementDisagreements: z
    .object({
      a: z.string().min(1).max(100),
      b: z.string().min(1).max(100),
      code: Id.optional(),
      doneOnly: z.boolean().optional(),
    })
    .strict()
    .refine((request) => request.a !== request.b, { message: 'two different annotators are compared' }),
};
