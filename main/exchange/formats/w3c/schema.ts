import { z } from 'zod';
import { CODE_ROLES, STAKEHOLDER_KINDS } from '../../../../shared/model/vocabulary';

/**
 * What the Web Annotation reader accepts: Gloss's own files and, leniently, other tools' — the
 * model lets most properties be one value or an array, and a body or target be an IRI string
 * or an object, so each is normalised here to one shape.
 */

/** One value or many, possibly absent, as an array. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(item));

const Selector = z.object({
  type: z.string(),
  exact: z.string().optional(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  /** TextPositionSelector offsets: Unicode code points, end exclusive. */
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});
export type Selector = z.infer<typeof Selector>;

const Resource = z.object({
  id: z.string().optional(),
  type: z.unknown().optional(),
  purpose: z.string().optional(),
  value: z.string().optional(),
  format: z.string().optional(),
  source: z.string().optional(),
  selector: list(Selector),
});
/** A body or target given as a bare IRI becomes a resource with that id. */
const ResourceOrIri = z.union([z.string().transform((id) => Resource.parse({ id })), Resource]);
export type Resource = z.infer<typeof Resource>;

const Agent = z.union([
  z.string().transform((id) => ({ id, name: undefined, nickname: undefined })),
  z.object({ id: z.string().optional(), name: z.string().optional(), nickname: z.string().optional() }),
]);

export const WebAnnotation = z.object({
  id: z.string().optional(),
  motivation: list(z.string()),
  creator: list(Agent),
  created: z.string().optional(),
  modified: z.string().optional(),
  body: list(ResourceOrIri),
  /** The model's shorthand for one TextualBody without a purpose. */
  bodyValue: z.string().optional(),
  target: list(ResourceOrIri),
});
export type WebAnnotation = z.infer<typeof WebAnnotation>;

/** An entry of `gloss:documents`: the document's IRI and its whole text. */
const EmbeddedDocument = z.object({ id: z.string(), label: z.string().optional(), value: z.string() });

const CodeEntry = z.object({
  name: z.string().trim().min(1),
  group: z.string().optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
  description: z.string().optional(),
  role: z.enum(CODE_ROLES).optional(),
  codable: z.boolean().optional(),
});

const StakeholderEntry = z.object({
  name: z.string().trim().min(1),
  kind: z.enum(STAKEHOLDER_KINDS),
  aliases: z.array(z.string()).optional(),
  description: z.string().optional(),
  country: z.string().optional(),
});

/**
 * A file: an AnnotationCollection with an embedded first page (Gloss writes this), an
 * AnnotationPage, a JSON array of annotations, or one annotation.
 */
export const WebAnnotationFile = z.preprocess(
  (raw) => {
    if (Array.isArray(raw)) return { items: raw };
    if (raw && typeof raw === 'object') {
      const file = raw as Record<string, unknown>;
      if (file.type === 'Annotation') return { items: [raw] };
      if (file.first && typeof file.first === 'object')
        return { ...file, items: (file.first as { items?: unknown }).items };
    }
    return raw;
  },
  z.object({
    items: z.array(WebAnnotation),
    'gloss:documents': list(EmbeddedDocument),
    'gloss:codes': list(CodeEntry),
    'gloss:stakeholders': list(StakeholderEntry),
  }),
);
export type WebAnnotationFile = z.infer<typeof WebAnnotationFile>;
