/**
 * The closed lists of Gloss's model, without their zod schemas, so the screens can use them
 * without bundling zod (validation happens in main, at the API boundary).
 */

export const DOCUMENT_STATUSES = ['todo', 'in-progress', 'done'] as const;

export const STAKEHOLDER_KINDS = ['company', 'person', 'government', 'ngo', 'media', 'public'] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

/** How each kind is written on screen and in messages. */
export const STAKEHOLDER_KIND_LABELS: Record<StakeholderKind, string> = {
  company: 'company',
  person: 'person',
  government: 'government',
  ngo: 'NGO',
  media: 'media',
  public: 'public',
};

export const FIGURE_QUALIFIERS = [
  'exactly',
  'approximately',
  'more-than',
  'at-least',
  'less-than',
  'up-to',
] as const;
export type FigureQualifier = (typeof FIGURE_QUALIFIERS)[number];

/**
 * What applying a code means. Stakeholder codes link a passage to the register,
 * figure codes carry a normalised value; other codes are plain qualitative codes.
 * A code's role is inherited from its group (top-level code) unless set on it.
 */
export const CODE_ROLES = ['stakeholder', 'concern', 'figure', 'other'] as const;
export type CodeRole = (typeof CODE_ROLES)[number];
