import type { PlannedCode } from '../../import-plan';
import { roleOfSetName } from './gloss-extensions';
import type { FileProblems } from './problems';
import { childNamed, childrenNamed, listed, type XmlNode } from './xml-reader';

export interface ReadCodebook {
  codes: PlannedCode[];
  /** Code names by canonical GUID, for CodeRefs. */
  nameByGuid: Map<string, string>;
}

/**
 * The codes of a `<CodeBook>` (of a project or a .qdc), nested codes under their parent by
 * name, with the roles the "Gloss role: …" Sets give; `setsOwner` holds the `<Sets>` (the
 * Project, or the .qdc's CodeBook). Sets of other tools are passed over.
 */
export function readCodebook(
  codebook: XmlNode | undefined,
  setsOwner: XmlNode,
  problems: FileProblems,
): ReadCodebook {
  const codes: PlannedCode[] = [];
  const nameByGuid = new Map<string, string>();
  const codesNode = codebook && childNamed(codebook, 'Codes');
  if (!codesNode) return { codes, nameByGuid };

  const roles = roleByGuid(setsOwner, problems);
  const visit = (node: XmlNode, group: string | undefined) => {
    const guid = problems.guid(node, 'guid', true);
    const name = problems.required(node, 'name')?.trim();
    if (name === '') problems.add('<Code> has an empty name', node);
    const codable = readBoolean(node, problems);
    const color = readColor(node, problems);
    if (guid && name) {
      nameByGuid.set(guid, name);
      const description = childNamed(node, 'Description')?.text;
      const role = roles.get(guid);
      codes.push({
        name,
        ...(group !== undefined && { group }),
        ...(color && { color }),
        ...(description && { description }),
        ...(role && { role }),
        ...(codable !== undefined && { codable }),
      });
    }
    for (const child of childrenNamed(node, 'Code')) visit(child, name || group);
  };
  for (const code of childrenNamed(codesNode, 'Code')) visit(code, undefined);
  return { codes, nameByGuid };
}

function roleByGuid(setsOwner: XmlNode, problems: FileProblems) {
  const roles = new Map<string, NonNullable<PlannedCode['role']>>();
  for (const set of listed(setsOwner, 'Sets', 'Set')) {
    const role = roleOfSetName(set.attrs.get('name') ?? '');
    if (!role) continue;
    for (const member of childrenNamed(set, 'MemberCode')) {
      // The project schema names the member with targetGUID, the codebook schema with guid.
      const attribute = member.attrs.has('targetGUID') ? 'targetGUID' : 'guid';
      const guid = problems.guid(member, attribute, true);
      if (guid) roles.set(guid, role);
    }
  }
  return roles;
}

function readBoolean(node: XmlNode, problems: FileProblems): boolean | undefined {
  const value = problems.required(node, 'isCodable')?.trim();
  if (value === undefined) return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  problems.add(`<Code> isCodable "${value}" is neither true nor false`, node);
  return undefined;
}

/** #RRGGBB in lower case, as Gloss writes colours; the schema's #RGB is spelt out. */
function readColor(node: XmlNode, problems: FileProblems): string | undefined {
  const value = node.attrs.get('color')?.trim();
  if (value === undefined) return undefined;
  if (/^#[0-9a-f]{6}$/i.test(value)) return value.toLowerCase();
  if (/^#[0-9a-f]{3}$/i.test(value))
    return `#${[...value.slice(1)].map((d) => d + d).join('')}`.toLowerCase();
  problems.add(`<Code> color "${value}" is not #RRGGBB`, node);
  return undefined;
}
