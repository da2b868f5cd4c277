import { z } from 'zod';
import { FigureValue } from '../../../shared/model/figure';
import { Timestamp } from '../../../shared/model/ids';
import { STAKEHOLDER_KINDS } from '../../../shared/model/vocabulary';

/**
 * A JSON Lines document in any of the shapes the import reads, before its offsets are checked.
 * Offsets are code points, as every tool that writes these shapes counts them (Python strings).
 */
export interface SourceRecord {
  key?: string;
  text: string;
  spans: SourceSpan[];
  relations: SourceRelation[];
}

export interface SourceSpan {
  /** The source's id, or one made up from the span's place in the line. */
  id: string;
  start: number;
  end: number;
  label: string;
  group?: string;
  text?: string;
  author?: string;
  created?: string;
  modified?: string;
  note?: string;
  stakeholder?: { name: string; kind: (typeof STAKEHOLDER_KINDS)[number] };
  value?: FigureValue;
}

export interface SourceRelation {
  type: string;
  from: string;
  to: string;
  note?: string;
}

const Offset = z.number().int().nonnegative();
const Label = z.string().trim().min(1).max(120);
const SourceId = z.union([z.string().min(1), z.number().int()]).transform(String);
const Key = z.string().optional();

// Gloss's own spans; spaCy's and Prodigy's ({start, end, label}) are the same with fewer fields.
const Span = z.object({
  id: SourceId.optional(),
  start: Offset,
  end: Offset,
  label: Label,
  group: z.string().trim().max(120).nullable().optional(),
  text: z.string().optional(),
  annotator: z.string().trim().min(1).max(100).optional(),
  created: Timestamp.optional(),
  modified: Timestamp.optional(),
  note: z.string().max(100_000).optional(),
  stakeholder: z
    .object({ name: z.string().trim().min(1).max(200), kind: z.enum(STAKEHOLDER_KINDS) })
    .optional(),
  value: FigureValue.optional(),
});

const Relation = z.object({
  type: Label,
  from: SourceId,
  to: SourceId,
  note: z.string().max(100_000).optional(),
});

const Spans = z.object({
  key: Key,
  text: z.string(),
  spans: z.array(Span),
  relations: z.array(Relation).default([]),
});

// spaCy's Doc.to_json() calls its entity spans "ents".
const Ents = z.object({ key: Key, text: z.string(), ents: z.array(Span) });

// doccano's sequence labelling export: "label": [[start, end, "LABEL"], ...].
const DoccanoLabels = z.object({
  key: Key,
  text: z.string(),
  label: z.array(z.tuple([Offset, Offset, Label])),
});

// doccano's export of a relation project.
const DoccanoEntities = z.object({
  key: Key,
  text: z.string(),
  entities: z.array(z.object({ id: SourceId, label: Label, start_offset: Offset, end_offset: Offset })),
  relations: z.array(z.object({ from_id: SourceId, to_id: SourceId, type: Label })).default([]),
});

export type ShapeResult = { ok: true; record: SourceRecord } | { ok: false; problems: string[] };

/** Recognises the shape of one parsed line and brings it to a SourceRecord. */
export function sourceRecordOf(json: unknown): ShapeResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, problems: ['expected a JSON object with a document’s "text"'] };
  }
  if ('spans' in json) return checked(Spans, json, (r) => ({ ...r, spans: r.spans.map(spanOf) }));
  if ('ents' in json) return checked(Ents, json, (r) => ({ ...r, spans: r.ents.map(spanOf), relations: [] }));
  if ('entities' in json) {
    return checked(DoccanoEntities, json, (r) => ({
      key: r.key,
      text: r.text,
      spans: r.entities.map((e) => ({ id: e.id, start: e.start_offset, end: e.end_offset, label: e.label })),
      relations: r.relations.map((rel) => ({ type: rel.type, from: rel.from_id, to: rel.to_id })),
    }));
  }
  if ('label' in json) {
    return checked(DoccanoLabels, json, (r) => ({
      key: r.key,
      text: r.text,
      spans: r.label.map(([start, end, label], i) => ({ id: `span-${i + 1}`, start, end, label })),
      relations: [],
    }));
  }
  return {
    ok: false,
    problems: [
      'unknown shape: expected "text" with "spans" (Gloss, spaCy, Prodigy), "ents" (spaCy), "label" or "entities" (doccano)',
    ],
  };
}

function spanOf(span: z.infer<typeof Span>, index: number): SourceSpan {
  return {
    id: span.id ?? `span-${index + 1}`,
    start: span.start,
    end: span.end,
    label: span.label,
    ...(span.group ? { group: span.group } : {}),
    ...(span.text !== undefined ? { text: span.text } : {}),
    ...(span.annotator ? { author: span.annotator } : {}),
    ...(span.created ? { created: span.created } : {}),
    ...(span.modified ? { modified: span.modified } : {}),
    ...(span.note ? { note: span.note } : {}),
    ...(span.stakeholder ? { stakeholder: span.stakeholder } : {}),
    ...(span.value ? { value: span.value } : {}),
  };
}

function checked<S extends z.ZodType>(
  schema: S,
  json: object,
  toRecord: (parsed: z.output<S>) => SourceRecord,
): ShapeResult {
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, record: toRecord(parsed.data) };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) =>
      issue.path.length > 0 ? `${pathOf(issue.path)}: ${issue.message}` : issue.message,
    ),
  };
}

/** A zod path as a reader writes it: spans[2].start. */
function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`))
    .join('');
}
