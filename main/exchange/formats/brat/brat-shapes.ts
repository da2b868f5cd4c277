/**
 * brat has shapes Gloss has no separate place for: events (a trigger with role-typed arguments),
 * equivalences (`*` lines) and discontinuous spans. Import spells each of them as ordinary Gloss
 * annotations and relations, and the relation type's *name* records the shape, so that a later
 * brat export can write the same lines back. Names are the marker because they are what every
 * format and every screen carries, and a researcher can read them:
 *
 * - `Org-Arg (event role)`: from an event's trigger to one argument, typed by the role as brat
 *   writes it (`Org-Arg2` for a repeated role stays `Org-Arg2 (event role)`);
 * - `Equiv`, or `Alias (equivalence)` for another `*` type: between neighbouring members of an
 *   equivalence set;
 * - `fragment-of`: from each later piece of a discontinuous span to its first piece.
 *
 * Renaming such a type makes its relations plain relations (R lines) in the next brat export.
 */
export const EVENT_ROLE_SUFFIX = ' (event role)';
export const EQUIVALENCE_SUFFIX = ' (equivalence)';
/** brat's own name for an equivalence; its relation type keeps the bare name. */
export const EQUIV = 'Equiv';
export const FRAGMENT_OF = 'fragment-of';

export type RelationShape =
  | { kind: 'event-role'; role: string }
  | { kind: 'equivalence'; type: string }
  | { kind: 'fragment' }
  | { kind: 'relation' };

/** What a relation type's name says about its brat shape (names compared ignoring case). */
export function relationShape(name: string): RelationShape {
  const lower = name.toLowerCase();
  if (lower.endsWith(EVENT_ROLE_SUFFIX) && name.length > EVENT_ROLE_SUFFIX.length)
    return { kind: 'event-role', role: name.slice(0, -EVENT_ROLE_SUFFIX.length).trim() };
  if (lower === EQUIV.toLowerCase()) return { kind: 'equivalence', type: EQUIV };
  if (lower.endsWith(EQUIVALENCE_SUFFIX) && name.length > EQUIVALENCE_SUFFIX.length)
    return { kind: 'equivalence', type: name.slice(0, -EQUIVALENCE_SUFFIX.length).trim() };
  if (lower === FRAGMENT_OF) return { kind: 'fragment' };
  return { kind: 'relation' };
}

export function eventRoleName(role: string): string {
  return `${role}${EVENT_ROLE_SUFFIX}`;
}

export function equivalenceName(type: string): string {
  return type === EQUIV ? EQUIV : `${type}${EQUIVALENCE_SUFFIX}`;
}

/**
 * Gloss has no attributes beyond the annotator, so a brat attribute (`A1 Negation E1`,
 * `A2 Confidence E1 L1`) becomes one line of its owner's note: `attribute: Negation`,
 * `attribute: Confidence L1`. Export turns such lines back into A lines; a line that only
 * starts like one (spaces in the value) stays note text.
 */
export const ATTRIBUTE_NOTE_PREFIX = 'attribute: ';
const ATTRIBUTE_LINE = /^attribute: (\S+)(?: (\S+))?$/;

export interface NoteAttribute {
  name: string;
  value?: string;
}

export function attributeNoteLine({ name, value }: NoteAttribute): string {
  return `${ATTRIBUTE_NOTE_PREFIX}${name}${value === undefined ? '' : ` ${value}`}`;
}

/** A note split into its attribute lines and the rest of its text (lines kept in order). */
export function splitNote(note: string | undefined): { attributes: NoteAttribute[]; text: string } {
  const attributes: NoteAttribute[] = [];
  const text: string[] = [];
  for (const line of (note ?? '').split('\n')) {
    const m = ATTRIBUTE_LINE.exec(line);
    if (m) attributes.push({ name: m[1]!, ...(m[2] !== undefined ? { value: m[2] } : {}) });
    else text.push(line);
  }
  const joined = text.join('\n');
  return { attributes, text: note && joined.trim() !== '' ? joined : '' };
}
