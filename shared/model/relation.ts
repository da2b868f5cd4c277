import { z } from 'zod';
import { Id, Timestamp } from './ids';

/**
 * A typed link between two annotations of the same document, made by one annotator: a
 * stakeholder *raises* a concern, a figure *describes* a stakeholder. Stored beside the
 * annotations in the per-document file; deleting either annotation deletes the relation.
 */
export const Relation = z.object({
  id: Id,
  /** A relation type of the codebook. */
  type: Id,
  /** The annotation the relation goes from (e.g. the stakeholder that raises…). */
  from: Id,
  /** …and the one it goes to (…the concern). */
  to: Id,
  note: z.string().max(100_000).optional(),
  author: z.string().min(1).max(100),
  created: Timestamp,
  modified: Timestamp,
});
export type Relation = z.infer<typeof Relation>;

/** A kind of relation researchers can draw, kept in the codebook. */
export const RelationType = z.object({
  id: Id,
  name: z.string().trim().min(1).max(120),
  description: z.string().max(10_000).default(''),
});
export type RelationType = z.infer<typeof RelationType>;

/** The relation types a new codebook starts with (and an older project file is given). */
export const DEFAULT_RELATION_TYPES: RelationType[] = [
  { id: 'raises', name: 'raises', description: 'A stakeholder raises or voices a concern.' },
  {
    id: 'describes',
    name: 'describes',
    description: 'A figure describes a stakeholder (its value, users, jobs…).',
  },
  { id: 'opposes', name: 'opposes', description: 'A stakeholder opposes another, or a concern.' },
  { id: 'supports', name: 'supports', description: 'A stakeholder supports another, or a position.' },
];
