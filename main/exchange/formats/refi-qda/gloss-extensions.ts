import { CODE_ROLES, type CodeRole } from '../../../../shared/model/codebook';
import { FigureValue } from '../../../../shared/model/figure';

/**
 * Where Gloss keeps, inside valid REFI-QDA, what the standard has no element for. Each is a
 * standard construct another QDA tool shows and keeps, named so a researcher can read it there:
 *
 * - A code's role (stakeholder, concern, figure) is membership of a Set named "Gloss role: …".
 * - The stakeholder register is Cases (one per stakeholder: its name, Description, and the
 *   Variables below), each with a SelectionRef to every passage that mentions it.
 * - A figure's value is a Note on its selection whose text is one line, `gloss:value {json}`.
 */
export const ROLE_SET_PREFIX = 'Gloss role: ';

export function roleSetName(role: CodeRole): string {
  return `${ROLE_SET_PREFIX}${role}`;
}

export function roleOfSetName(name: string): CodeRole | undefined {
  if (!name.startsWith(ROLE_SET_PREFIX)) return undefined;
  const role = name.slice(ROLE_SET_PREFIX.length);
  return (CODE_ROLES as readonly string[]).includes(role) ? (role as CodeRole) : undefined;
}

/** The Variables of a stakeholder Case; "Alias" has one VariableValue per alias. */
export const STAKEHOLDER_VARIABLES = {
  kind: { name: 'Stakeholder kind', description: 'company, person, government, ngo, media or public' },
  country: { name: 'Country', description: 'Where the stakeholder is based.' },
  alias: { name: 'Alias', description: 'Another name the stakeholder goes by; one value per name.' },
} as const;

export const VALUE_NOTE_NAME = 'Figure value';
const VALUE_NOTE_PREFIX = 'gloss:value ';

export function valueNoteText(value: FigureValue): string {
  return `${VALUE_NOTE_PREFIX}${JSON.stringify(value)}`;
}

/** The figure value a note carries, or undefined for an ordinary note. */
export function valueOfNote(text: string): FigureValue | undefined {
  if (!text.startsWith(VALUE_NOTE_PREFIX)) return undefined;
  try {
    const parsed = FigureValue.safeParse(JSON.parse(text.slice(VALUE_NOTE_PREFIX.length)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
